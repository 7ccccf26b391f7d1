import { randomUUID } from 'node:crypto';
import { PrinterError } from './printer-error';
import {
  PrintComponentClient,
  type Message,
  type PrintStatus,
  type WaybillDocument,
} from './print-component.client';

/**
 * JD's local print component (京东打印组件, ws://127.0.0.1:9113) speaks its own envelope:
 * `{orderType: "PRINT" | "GET_Printers" | "PRE_View", key: <request id>, version: "2",
 * parameters: {printName, contents: [{tempUrl, printData, customTempUrl, customData, addData}]}}`
 * and answers each request once: `code` "2" print / "6" printers / "8" preview, `success`
 * "true"/"false", `message`, `detailinfo`. There is no later print notice, so an accepted print is
 * the end of what we can know. From the reference (§1); the `status` codes 500/502/503 and
 * `detailinfo.printers` are [unconfirmed] (seen only in github gavin-hao/ec-print).
 */
const CODE = { PRINT: '2', GET_Printers: '6' } as const;

const succeeded = (m: Message): boolean => m.success === true || m.success === 'true';

export class JdPrintComponentClient extends PrintComponentClient {
  constructor(url: string, opts: ConstructorParameters<typeof PrintComponentClient>[2] = {}) {
    super(url, 'jd', opts);
  }

  /** One request, one reply, matched by key (or by code when a build does not echo the key). */
  private async ask(
    orderType: keyof typeof CODE,
    parameters: Record<string, unknown>,
    timeoutMs: number,
    what: string,
  ): Promise<Message> {
    await this.connect();
    const key = randomUUID();
    const reply = this.waitFor(
      (m) => (m.key === undefined ? m.code === CODE[orderType] : m.key === key),
      timeoutMs,
      what,
    );
    this.send({ orderType, key, version: '2', parameters });
    const m = await reply;
    if (!succeeded(m)) {
      const detail = typeof m.detailinfo === 'string' ? m.detailinfo : '';
      const why = [m.message, detail].filter((x) => typeof x === 'string' && x).join(': ');
      throw new PrinterError(
        'rejected',
        `The ${this.info.name} refused ${orderType}: ${why || `success=${String(m.success)}`}${m.status ? ` (status ${String(m.status)})` : ''}`,
        false,
      );
    }
    return m;
  }

  override async getPrinters(): Promise<{ defaultPrinter: string; printers: { name: string }[] }> {
    const m = await this.ask('GET_Printers', {}, this.opts.timeoutMs ?? 5_000, 'GET_Printers');
    const info = m.detailinfo as { printers?: unknown } | undefined;
    const names = Array.isArray(info?.printers)
      ? info.printers.filter((p): p is string => typeof p === 'string')
      : [];
    return { defaultPrinter: '', printers: names.map((name) => ({ name })) };
  }

  override getTaskStatus(): Promise<Message> {
    return Promise.reject(
      new PrinterError('rejected', `The ${this.info.name} keeps no task history to ask about`, false),
    );
  }

  /**
   * Prints the documents' contents (each already in JD's {tempUrl, printData, …} shape from the
   * JD waybill API) in one request. No reply in time: it may have printed, so no resend.
   */
  override async print(task: {
    taskID: string;
    printer: string;
    documents: WaybillDocument[];
  }): Promise<PrintStatus[]> {
    this.refuseOversizedTask(task.documents.length);
    await this.ask(
      'PRINT',
      { printName: task.printer, contents: task.documents.flatMap((d) => d.contents) },
      this.opts.resultTimeoutMs ?? 60_000,
      `the print result of task ${task.taskID}`,
    );
    return task.documents.map((d) => ({ documentID: d.documentID, status: 'success' }));
  }
}
