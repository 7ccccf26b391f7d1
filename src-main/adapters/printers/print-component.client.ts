import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PrinterError } from './printer-error';

/**
 * Client for the platforms' local print components (菜鸟打印组件 and the PDD/Douyin ones that
 * copy its protocol): JSON over a WebSocket on 127.0.0.1. A `print` is answered twice: at once
 * (accepted or not), then by a result notice per task (rendered → printed | failed).
 */
export type ComponentFlavor = 'cainiao' | 'pdd' | 'douyin';

export const COMPONENT_DEFAULTS: Record<ComponentFlavor, { port: number; name: string; resultCmd: string }> =
  {
    cainiao: { port: 13528, name: 'Cainiao print component (菜鸟打印组件)', resultCmd: 'notifyPrintResult' },
    pdd: { port: 5000, name: 'PDD print component (拼多多打印组件)', resultCmd: 'PrintResultNotify' },
    douyin: { port: 13888, name: 'Douyin print component (抖店打印组件)', resultCmd: 'notifyPrintResult' },
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

type Message = Record<string, unknown> & {
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
  private readonly info: (typeof COMPONENT_DEFAULTS)[ComponentFlavor];

  constructor(
    private readonly url: string,
    private readonly flavor: ComponentFlavor = 'cainiao',
    private readonly opts: {
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

  private waitFor(match: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message> {
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
    this.ws!.send(JSON.stringify({ cmd, requestID, version: '1.0', ...this.opts.extra, ...body }));
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
    await this.connect();
    const result = this.waitFor(
      (m) =>
        m.cmd === this.info.resultCmd &&
        m.taskID === task.taskID &&
        (m.taskStatus === 'printed' || m.taskStatus === 'failed'),
      this.opts.resultTimeoutMs ?? 60_000,
      `the print result of task ${task.taskID}`,
    );
    result.catch(() => undefined);
    await this.request('print', { task: { preview: false, notifyType: ['render', 'print'], ...task } });
    const m = await result;
    const statuses = (m.printStatus as PrintStatus[] | undefined) ?? [];
    if (m.taskStatus === 'failed') {
      const bad = statuses.filter((s) => s.status !== 'success');
      const why = bad
        .map((s) => `${s.documentID}: ${s.msg ?? s.status}${s.detail ? ` (${s.detail})` : ''}`)
        .join('; ');
      throw new PrinterError(
        'rejected',
        `The ${this.info.name} could not print ${why || `task ${task.taskID}`}`,
        false,
      );
    }
    return statuses;
  }
}

export const flavorOf = (kind: string): ComponentFlavor =>
  kind === 'pdd_ws' ? 'pdd' : kind === 'douyin_ws' ? 'douyin' : 'cainiao';
