import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRawTcp, checkRawTcpStatus } from '../../src-main/adapters/printers/raw-tcp.driver';
import { tsplStatusError, zplSilentError, zplStatusError } from '../../src-main/adapters/printers/raw-status';
import { unavailableSystemPrinters } from '../../src-main/adapters/printers/system-printer.port';
import { createCore } from '../../src-main/compose';
import { value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { freePort, until } from '../fixtures/tcp-printer';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { alertText } from '../../src-renderer/app/alert-text';
import { printFaultText } from '../../src-renderer/features/printing/print-fault-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

const target = (port: number) => ({ name: '标签机 1', host: '127.0.0.1', port });
const messageOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

/** An ESC/POS printer on 127.0.0.1 answering its two status queries with these bytes. */
async function escpos(paper: number, offline: number) {
  const server = createServer((socket) => {
    socket.on('data', (chunk) => {
      if (chunk.equals(Buffer.from([0x10, 0x04, 0x04]))) socket.write(Buffer.from([paper]));
      else if (chunk.equals(Buffer.from([0x10, 0x04, 0x02]))) socket.write(Buffer.from([offline]));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

describe('print faults in the UI language', () => {
  it('says the raw TCP driver’s refusals, the printer’s name, address and the system’s code kept', async () => {
    const port = await freePort();
    const refused = await messageOf(
      sendRawTcp(target(port), Buffer.from('^XA^XZ'), { connectTimeoutMs: 1000 }),
    );
    expect(printFaultText(zh, refused)).toBe(
      `打印机“标签机 1”（127.0.0.1:${port}）未开机或无法连接（connection refused）；请开机或检查地址`,
    );
    expect(printFaultText(en, refused)).toBe(refused);

    const paperOut = await escpos(0x7e, 0x12);
    const coverOpen = await escpos(0x12, 0x16);
    try {
      const a = await checkRawTcpStatus(target(paperOut.port), 'escpos');
      expect(printFaultText(zh, a.error!.message)).toBe(
        `打印机“标签机 1”（127.0.0.1:${paperOut.port}）缺纸；装上新纸卷后会自动打印`,
      );
      const b = await checkRawTcpStatus(target(coverOpen.port), 'escpos');
      expect(printFaultText(zh, b.error!.message)).toBe(
        `打印机“标签机 1”（127.0.0.1:${coverOpen.port}）上盖打开；合上后会自动打印`,
      );
    } finally {
      paperOut.close();
      coverOpen.close();
    }
  });

  it('says what a label printer reports, each condition named', () => {
    const t = target(9100);
    const zpl = zplStatusError(t, { paperOut: true, paused: true, headUp: false, ribbonOut: false })!;
    expect(printFaultText(zh, zpl.message)).toBe(
      '打印机“标签机 1”（127.0.0.1:9100）：标签用完、已暂停；处理后会自动打印',
    );
    const tspl = tsplStatusError(t, 0x01 | 0x02 | 0x08)!;
    expect(printFaultText(zh, tspl.message)).toBe(
      '打印机“标签机 1”（127.0.0.1:9100）：打印头打开、卡纸、碳带用完；处理后会自动打印',
    );
    expect(printFaultText(zh, zplSilentError(t, 3000).message)).toMatch(
      /^打印机“标签机 1”（127\.0\.0\.1:9100）3 秒内没有回应状态查询（~HS）/,
    );
  });

  it('says a system printer reached from the browser', async () => {
    const message = await messageOf(unavailableSystemPrinters.printPdf('HP', Buffer.from('%PDF'), {}));
    expect(printFaultText(zh, message)).toBe(
      '系统打印机只能在 Packdesk 桌面版中使用；这里请用网络（TCP 9100）打印机，或在桌面版中打印',
    );
  });

  it('says a job the queue gave up on, in the queue and in the alert, with its title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'packdesk-print-'));
    const core = createCore({
      dbPath: join(dir, 'p.db'),
      validateOutput: true,
      printing: {
        rawTcp: { connectTimeoutMs: 1_000, closeGraceMs: 300, statusTimeoutMs: 300 },
        backoff: { baseMs: 50, maxMs: 100 },
      },
    });
    const alerts: string[] = [];
    core.subscribe((e) => {
      if (e.name === 'alert') alerts.push((e.payload as { message: string }).message);
    });
    try {
      aChannel(core);
      const [order] = seedOrders(core, [anOrder()]);
      const port = await freePort();
      const p = await value(
        core.call('printing.printers.save', {
          name: '标签机 1',
          kind: 'raw_tcp',
          language: 'zpl',
          host: '127.0.0.1',
          port,
        }),
      );
      core.printQueue.start();
      const { jobs } = await value(
        core.call('printing.print', { document: 'label', orderIds: [order], printerId: p.id }),
      );
      core.ctx.sqlite.prepare('update print_jobs set max_attempts = 2 where id = ?').run(jobs[0].id);
      await until(() => core.printQueue.job(jobs[0].id)!.status === 'failed');
      const failed = core.printQueue.job(jobs[0].id)!;
      expect(printFaultText(zh, failed.lastError!)).toBe(
        `打印机“标签机 1”（127.0.0.1:${port}）未开机或无法连接（connection refused）；请开机或检查地址` +
          '（已尝试 2 次后停止；请在打印队列中点“重试”）',
      );
      expect(alerts).toHaveLength(1);
      expect(alertText(zh, alerts[0]!)).toBe(
        `快递面单 · 订单 ${order} 未打印：打印机“标签机 1”（127.0.0.1:${port}）未开机或无法连接（connection refused）；请开机或检查地址`,
      );
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a wording it does not know as written', () => {
    expect(printFaultText(zh, 'The Cainiao print component ate it')).toBe(
      'The Cainiao print component ate it',
    );
    expect(alertText(zh, 'Automatic review and routing failed: disk full')).toBe(
      'Automatic review and routing failed: disk full',
    );
  });
});
