import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrintComponentClient } from '../../src-main/adapters/printers/print-component.client';
import { createCore, type Core } from '../../src-main/compose';
import { value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrintComponent, type FakeComponent } from '../fixtures/print-component';
import { freePort, until } from '../fixtures/tcp-printer';

const waybill = (documentID: string) => ({
  documentID,
  contents: [
    {
      encryptedData: 'AES:abc',
      signature: 'MD:def',
      templateURL: 'http://cloudprint.cainiao.com/template/standard/101',
      ver: 'waybill_print_secret_version_1',
    },
    { templateURL: 'http://cloudprint.cainiao.com/template/customArea/1', data: { picklist: 'A-01 x2' } },
  ],
});

describe('platform print components over WebSocket', () => {
  const servers: FakeComponent[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const component = async (opts?: Parameters<typeof fakePrintComponent>[0]) => {
    const c = await fakePrintComponent(opts);
    servers.push(c);
    return c;
  };

  it('Cainiao: lists printers and prints a task through accepted → rendered → printed', async () => {
    const c = await component();
    const client = new PrintComponentClient(`ws://127.0.0.1:${c.port}`, 'cainiao');
    expect(await client.getPrinters()).toEqual({
      defaultPrinter: 'ZD888',
      printers: [
        { name: 'ZD888', status: 'enable' },
        { name: 'KM-118', status: 'enable' },
      ],
    });
    const statuses = await client.print({
      taskID: 't-1',
      printer: 'ZD888',
      documents: [waybill('SF1234567890123')],
    });
    expect(statuses).toEqual([{ documentID: 'SF1234567890123', status: 'success', msg: 'ok' }]);
    const print = c.requests.find((r) => r.cmd === 'print');
    expect(print).toMatchObject({
      version: '1.0',
      task: {
        taskID: 't-1',
        printer: 'ZD888',
        preview: false,
        notifyType: ['render', 'print'],
        documents: [waybill('SF1234567890123')],
      },
    });
    expect(typeof print.requestID).toBe('string');
    client.close();
  });

  it('reports a failed document and a refused task with the component’s reasons', async () => {
    const c = await component({
      outcome: (id) => (id === 'BAD' ? 'failed' : id === 'ENC' ? 'refuse' : 'printed'),
    });
    const client = new PrintComponentClient(`ws://127.0.0.1:${c.port}`);
    await expect(client.print({ taskID: 't-2', printer: '', documents: [waybill('BAD')] })).rejects.toThrow(
      'could not print BAD: 模板地址错误',
    );
    await expect(client.print({ taskID: 't-3', printer: '', documents: [waybill('ENC')] })).rejects.toThrow(
      'refused print: Unknown encryption type. (error 40)',
    );
    client.close();
  });

  it('PDD flavour waits for PrintResultNotify', async () => {
    const c = await component({ resultCmd: 'PrintResultNotify' });
    const client = new PrintComponentClient(`ws://127.0.0.1:${c.port}`, 'pdd');
    await expect(
      client.print({ taskID: 't-4', printer: '', documents: [waybill('YT1234567890123')] }),
    ).resolves.toHaveLength(1);
    client.close();
  });

  describe('through the print queue', () => {
    let dir: string;
    let core: Core;
    let orderId: number;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'packdesk-cainiao-'));
      core = createCore({
        dbPath: join(dir, 'p.db'),
        validateOutput: true,
        printing: { backoff: { baseMs: 100, maxMs: 200 } },
      });
      aChannel(core);
      [orderId] = seedOrders(core, [anOrder()]) as [number];
    });
    afterEach(() => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('prints an e-waybill once per waybill number; waits and retries while the component is not running', async () => {
      const port = await freePort();
      const p = await value(
        core.call('printing.printers.save', {
          name: '菜鸟组件',
          kind: 'cainiao_ws',
          language: 'cainiao',
          host: '127.0.0.1',
          port,
          deviceName: 'ZD888',
        }),
      );
      core.printQueue.start();
      const first = await value(
        core.call('printing.waybill', { orderId, documents: [waybill('SF1234567890123')] }),
      );
      expect(first.created).toBe(true);
      const job = () => core.printQueue.job(first.job.id)!;
      await until(() => job().attempts >= 1 && job().status === 'queued');
      expect(job().lastError).toMatch(
        /^The Cainiao print component \(菜鸟打印组件\) is not running at ws:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
      );
      // The component starts on the port the printer was registered with.
      const c = await component({ port });
      await until(() => job().status === 'done');
      expect(c.requests.filter((r) => r.cmd === 'print').map((r) => [r.task.taskID, r.task.printer])).toEqual(
        [[`packdesk-${first.job.id}`, 'ZD888']],
      );
      const again = await value(
        core.call('printing.waybill', { orderId, documents: [waybill('SF1234567890123')] }),
      );
      expect(again).toMatchObject({ created: false, job: { id: first.job.id, status: 'done' } });
      expect(p.kind).toBe('cainiao_ws');
    });
  });
});
