import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PrinterError } from './printer-error';

/**
 * Client for the platforms' local print components (菜鸟打印组件 and the PDD/Douyin/Kuaishou
 * ones that copy its protocol): JSON over a WebSocket on 127.0.0.1. A `print` is answered twice:
 * at once (accepted or not), then by a result notice per task (rendered → printed | failed).
 * JD's component speaks another envelope: see jd-print-component.client.ts.
 *
 * Flavour differences, from the reference (printing-protocols.md §1); `[unconfirmed]` there
 * means not checked against the platform's own documentation:
 * - PDD: result cmd `PrintResultNotify`, `firstFailedDocSN` names the failed waybill [unconfirmed].
 * - Douyin: `printStatus` may carry `successCount`/`failCount` [unconfirmed]; encrypted content
 *   also needs the platform's signed `params`, which arrive inside the caller's contents.
 * - Kuaishou: path `/ks/printer`; at most 10 documents per task; taskStatus `partPrinted` when
 *   some documents failed [unconfirmed]; custom areas use `customData` [unconfirmed] (the caller's
 *   contents pass through as given).
 * Xiaohongshu (10818), WeChat Channels (12705) and Dewu (23825) are only known by port; their
 * messages are not documented in the reference, so they are not offered.
 */
export type ComponentFlavor = 'cainiao' | 'pdd' | 'douyin' | 'kuaishou' | 'jd';

export interface ComponentInfo {
  port: number;
  /** WebSocket path after the port ('' = root). */
  path: string;
  name: string;
  /** The cmd of the asynchronous print result; JD has none (its one reply is the result). */
  resultCmd: string;
  /** Most documents one task may carry. */
  maxDocuments: number;
}

export const COMPONENT_DEFAULTS: Record<ComponentFlavor, ComponentInfo> = {
  cainiao: {
    port: 13528,
    path: '',
    name: 'Cainiao print component (菜鸟打印组件)',
    resultCmd: 'notifyPrintResult',
    maxDocuments: 10,
  },
  pdd: {
    port: 5000,
    path: '',
    name: 'PDD print component (拼多多打印组件)',
    resultCmd: 'PrintResultNotify',
    maxDocuments: 10,
  },
  douyin: {
    port: 13888,
    path: '',
    name: 'Douyin print component (抖店打印组件)',
    resultCmd: 'notifyPrintResult',
    maxDocuments: 10,
  },
  kuaishou: {
    port: 16888,
    path: '/ks/printer',
    name: 'Kuaishou print component (快手打印组件)',
    resultCmd: 'notifyPrintResult',
    maxDocuments: 10,
  },
  jd: { port: 9113, path: '', name: 'JD print component (京东打印组件)', resultCmd: '', maxDocuments: 10 },
};

export interface WaybillDocument {
  documentID: string;
  contents: Record<string, unknown>[];
}

export interface PrintStatus {
  documentID: string;
  status: string;
  msg?: string;
  detail?: string;
}

export type Message = Record<string, unknown> & {
  cmd?: string;
  requestID?: string;
  status?: string;
  msg?: string;
  taskID?: string;
  taskStatus?: string;
};

export class PrintComponentClient {
  private ws: WebSocket | null = null;
  private readonly listeners = new Set<(m: Message) => void>();
  protected readonly info: ComponentInfo;

  constructor(
    protected readonly url: string,
    flavor: ComponentFlavor = 'cainiao',
    protected readonly opts: {
      timeoutMs?: number;
      resultTimeoutMs?: number;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    this.info = COMPONENT_DEFAULTS[flavor];
  }

  async connect(): Promise<void> {
    if (this.ws?.readyState === WebSocket.OPEN) return;
    const ws = new WebSocket(this.url, { handshakeTimeout: this.opts.timeoutMs ?? 3_000 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          new PrinterError(
            'unreachable',
            `The ${this.info.name} is not running at ${this.url} (${e.code ?? e.message}); install or start it, then the job will print`,
            true,
          ),
        ),
      );
    });
    ws.on('message', (data) => {
      let m: Message;
      try {
        m = JSON.parse(String(data)) as Message;
      } catch {
        return; // Components sometimes send keep-alive text; nothing to act on.
      }
      for (const l of this.listeners) l(m);
    });
    ws.on('close', () => {
      if (this.ws === ws) this.ws = null;
    });
    this.ws = ws;
  }

  close(): void {
    this.ws?.close();
    this.ws = null;
  }

  /** Sends one JSON message on the open connection. */
  protected send(message: object): void {
    this.ws!.send(JSON.stringify(message));
  }

  protected waitFor(match: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new PrinterError(
            'not_answering',
            `The ${this.info.name} did not answer ${what} within ${timeoutMs / 1000} s`,
            false,
            what.startsWith('the print result'),
          ),
        );
      }, timeoutMs);
      const listener = (m: Message) => {
        if (!match(m)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(m);
      };
      this.listeners.add(listener);
    });
  }

  /** Sends one command and resolves with the reply carrying the same requestID. */
  async request(cmd: string, body: Record<string, unknown> = {}): Promise<Message> {
    await this.connect();
    const requestID = randomUUID();
    const reply = this.waitFor(
      (m) => m.requestID === requestID && m.cmd === cmd,
      this.opts.timeoutMs ?? 5_000,
      cmd,
    );
    this.send({ cmd, requestID, version: '1.0', ...this.opts.extra, ...body });
    const m = await reply;
    if (m.status && m.status !== 'success') {
      throw new PrinterError(
        'rejected',
        `The ${this.info.name} refused ${cmd}: ${m.msg ?? m.status}${m.errorCode ? ` (error ${String(m.errorCode)})` : ''}`,
        false,
      );
    }
    return m;
  }

  async getPrinters(): Promise<{ defaultPrinter: string; printers: { name: string; status?: string }[] }> {
    const m = await this.request('getPrinters');
    return {
      defaultPrinter: String(m.defaultPrinter ?? ''),
      printers: (m.printers as { name: string; status?: string }[]) ?? [],
    };
  }

  async getTaskStatus(taskIDs: string[]): Promise<Message> {
    return this.request('getTaskStatus', { taskID: taskIDs });
  }

  /** A task with more documents than the component takes is refused before anything is sent. */
  protected refuseOversizedTask(documents: number): void {
    if (documents > this.info.maxDocuments)
      throw new PrinterError(
        'rejected',
        `The ${this.info.name} takes at most ${this.info.maxDocuments} documents per task, not ${documents}`,
        false,
      );
  }

  /**
   * Prints one task and resolves when the component reports it printed. A failure names the
   * documents that failed and why.
   */
  async print(task: {
    taskID: string;
    printer: string;
    documents: WaybillDocument[];
    preview?: boolean;
  }): Promise<PrintStatus[]> {
    this.refuseOversizedTask(task.documents.length);
    await this.connect();
    const result = this.waitFor(
      (m) =>
        m.cmd === this.info.resultCmd &&
        m.taskID === task.taskID &&
        (m.taskStatus === 'printed' || m.taskStatus === 'failed' || m.taskStatus === 'partPrinted'),
      this.opts.resultTimeoutMs ?? 60_000,
      `the print result of task ${task.taskID}`,
    );
    result.catch(() => undefined);
    await this.request('print', { task: { preview: false, notifyType: ['render', 'print'], ...task } });
    const m = await result;
    const statuses = (m.printStatus as PrintStatus[] | undefined) ?? [];
    if (m.taskStatus !== 'printed') {
      const bad = statuses.filter((s) => s.status !== 'success');
      const why =
        bad
          .map((s) => `${s.documentID}: ${s.msg ?? s.status}${s.detail ? ` (${s.detail})` : ''}`)
          .join('; ') ||
        // PDD names only the first failed waybill [unconfirmed].
        (typeof m.firstFailedDocSN === 'string' ? m.firstFailedDocSN : `task ${task.taskID}`);
      // Kuaishou's partPrinted: the others came out, so this is never resent automatically.
      const part =
        m.taskStatus === 'partPrinted'
          ? ` (the other ${statuses.length - bad.length} of ${statuses.length} printed)`
          : '';
      throw new PrinterError(
        'rejected',
        `The ${this.info.name} could not print ${why}${part}`,
        false,
        m.taskStatus === 'partPrinted',
      );
    }
    return statuses;
  }
}

const FLAVOR_OF_KIND: Record<string, ComponentFlavor> = {
  cainiao_ws: 'cainiao',
  pdd_ws: 'pdd',
  douyin_ws: 'douyin',
  kuaishou_ws: 'kuaishou',
  jd_ws: 'jd',
};

export const flavorOf = (kind: string): ComponentFlavor => FLAVOR_OF_KIND[kind] ?? 'cainiao';
