import { JdPrintComponentClient } from '../../src-main/adapters/printers/jd-print-component.client';
import { PrintComponentClient } from '../../src-main/adapters/printers/print-component.client';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrintComponent, type FakeComponent } from '../fixtures/print-component';
import { until } from '../fixtures/tcp-printer';

// Kuaishou (Cainiao-style on /ks/printer) and JD (its own envelope) against local WebSocket
// servers speaking the messages from the reference (printing-protocols.md §1).
const ksDoc = (documentID: string) => ({
  documentID,
  contents: [{ encryptedData: 'ks-enc', signature: 'ks-sig', templateURL: 'https://s.kwaixiaodian.com/t/1' }],
});
const jdDoc = (documentID: string, printData = `pd-${documentID}`) => ({
  documentID,
  contents: [
    { tempUrl: 'https://storage.jd.com/t/1', printData, customTempUrl: '', customData: '', addData: '' },
  ],
});

describe('Kuaishou and JD print components', () => {
  const servers: FakeComponent[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const component = async (opts: Parameters<typeof fakePrintComponent>[0]) => {
    const c = await fakePrintComponent(opts);
    servers.push(c);
    return c;
  };

  it('Kuaishou: connects on /ks/printer only and prints through notifyPrintResult', async () => {
    const c = await component({ path: '/ks/printer' });
    const atRoot = new PrintComponentClient(`ws://127.0.0.1:${c.port}`, 'kuaishou', { timeoutMs: 1_000 });
    await expect(atRoot.getPrinters()).rejects.toMatchObject({
      fault: 'unreachable',
      message: expect.stringContaining('Kuaishou print component (快手打印组件) is not running'),
    });
    const client = new PrintComponentClient(`ws://127.0.0.1:${c.port}/ks/printer`, 'kuaishou');
    expect(await client.print({ taskID: 't-ks', printer: 'ZD888', documents: [ksDoc('KS1')] })).toEqual([
      { documentID: 'KS1', status: 'success', msg: 'ok' },
    ]);
    expect(c.requests.find((r) => r.cmd === 'print')).toMatchObject({
      version: '1.0',
      task: { taskID: 't-ks', printer: 'ZD888', documents: [ksDoc('KS1')] },
    });
    client.close();
  });

  it('Kuaishou: partPrinted names the failed waybill and is never resent; more than 10 documents are refused', async () => {
    const c = await component({
      path: '/ks/printer',
      partial: true,
      outcome: (id) => (id === 'BAD' ? 'failed' : 'printed'),
    });
    const client = new PrintComponentClient(`ws://127.0.0.1:${c.port}/ks/printer`, 'kuaishou');
    const e = await client
      .print({ taskID: 't-part', printer: '', documents: [ksDoc('OK1'), ksDoc('BAD')] })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({
      fault: 'rejected',
      retry: false,
      maybePrinted: true,
      message:
        'The Kuaishou print component (快手打印组件) could not print BAD: 模板地址错误 (the other 1 of 2 printed)',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ksDoc(`K${i}`));
    await expect(client.print({ taskID: 't-11', printer: '', documents: eleven })).rejects.toThrow(
      'takes at most 10 documents per task, not 11',
    );
    expect(c.requests.filter((r) => r.cmd === 'print')).toHaveLength(1);
    client.close();
  });

  it('JD: GET_Printers and PRINT in JD’s envelope, one reply each, matched by key', async () => {
    const c = await component({ jd: true });
    const client = new JdPrintComponentClient(`ws://127.0.0.1:${c.port}`);
    expect(await client.getPrinters()).toEqual({
      defaultPrinter: '',
      printers: [{ name: 'JD-Printer-1' }, { name: 'ZD888' }],
    });
    expect(
      await client.print({
        taskID: 't-jd',
        printer: 'JD-Printer-1',
        documents: [jdDoc('JDV001'), jdDoc('JDV002')],
      }),
    ).toEqual([
      { documentID: 'JDV001', status: 'success' },
      { documentID: 'JDV002', status: 'success' },
    ]);
    const [list, print] = c.requests;
    expect(list).toEqual({
      orderType: 'GET_Printers',
      key: expect.any(String),
      version: '2',
      parameters: {},
    });
    expect(print).toEqual({
      orderType: 'PRINT',
      key: expect.any(String),
      version: '2',
      parameters: {
        printName: 'JD-Printer-1',
        contents: [jdDoc('JDV001').contents[0], jdDoc('JDV002').contents[0]],
      },
    });
    expect(print.key).not.toBe(list.key);
    client.close();
  });

  it('JD: a refused print carries the component’s message and status; builds without key still match', async () => {
    const c = await component({
      jd: true,
      jdNoKey: true,
      outcome: (pd) => (pd === 'pd-BAD' ? 'failed' : 'printed'),
    });
    const client = new JdPrintComponentClient(`ws://127.0.0.1:${c.port}`);
    await expect(client.print({ taskID: 't', printer: '', documents: [jdDoc('BAD')] })).rejects.toMatchObject(
      {
        fault: 'rejected',
        retry: false,
        message: 'The JD print component (京东打印组件) refused PRINT: 打印数据解密失败 (status 502)',
      },
    );
    await expect(client.print({ taskID: 't2', printer: '', documents: [jdDoc('OK')] })).resolves.toHaveLength(
      1,
    );
    await expect(client.getTaskStatus()).rejects.toThrow('keeps no task history');
    client.close();
  });

  it('PDD: a failed task without per-document detail names firstFailedDocSN', async () => {
    // Built by hand: the fake's PDD notices carry printStatus; this one carries only the SN.
    const { WebSocketServer } = await import('ws');
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (ws) =>
      ws.on('message', (d) => {
        const m = JSON.parse(String(d));
        ws.send(JSON.stringify({ cmd: 'print', requestID: m.requestID, status: 'success' }));
        ws.send(
          JSON.stringify({
            cmd: 'PrintResultNotify',
            taskID: m.task.taskID,
            taskStatus: 'failed',
            firstFailedDocSN: 'YT0001',
          }),
        );
      }),
    );
    const client = new PrintComponentClient(
      `ws://127.0.0.1:${(wss.address() as { port: number }).port}`,
      'pdd',
    );
    await expect(client.print({ taskID: 'p', printer: '', documents: [ksDoc('YT0001')] })).rejects.toThrow(
      'The PDD print component (拼多多打印组件) could not print YT0001',
    );
    client.close();
    for (const ws of wss.clients) ws.terminate();
    await new Promise((r) => wss.close(r));
  });

  describe('through the print queue and the printers screen', () => {
    const cores: { dispose(): void }[] = [];
    afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

    it.each([
      ['jd_ws', { jd: true }, jdDoc('JDV9')],
      ['kuaishou_ws', { path: '/ks/printer' }, ksDoc('KS9')],
    ] as const)('%s: registered, checked and printed once per waybill', async (kind, opts, doc) => {
      const c = await component(opts);
      const core = aCore();
      cores.push(core);
      aChannel(core);
      const [orderId] = seedOrders(core, [anOrder()]);
      const p = await value(
        core.call('printing.printers.save', {
          name: kind,
          kind,
          language: 'cainiao',
          host: '127.0.0.1',
          port: c.port,
          deviceName: kind === 'jd_ws' ? 'JD-Printer-1' : 'ZD888',
        }),
      );
      expect(await value(core.call('printing.printers.status', { id: p.id }))).toMatchObject({
        state: 'ready',
      });
      core.printQueue.start();
      const first = await value(
        core.call('printing.waybill', { orderId, documents: [doc], printerId: p.id }),
      );
      await until(() => core.printQueue.job(first.job.id)!.status === 'done', 5_000);
      const again = await value(
        core.call('printing.waybill', { orderId, documents: [doc], printerId: p.id }),
      );
      expect(again.created).toBe(false);
      const prints = c.requests.filter((r) => r.cmd === 'print' || r.orderType === 'PRINT');
      expect(prints).toHaveLength(1);
    });
  });
});
