import type { PushEvent } from '../../src-shared/contract';
import { err, type Result } from '../../src-shared/result';
import type { CoreRequest, ToCore } from './core-messages';
import { isPrinterRequestMessage, type PrinterReply, type PrinterRequest } from './printer-messages';
import { isSecretRequestMessage, type SecretReply, type SecretRequest } from './secret-messages';

/** The part of Electron's UtilityProcess the relay needs; tests pass a fake. */
export interface UtilityChild {
  postMessage(message: ToCore): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreHostOptions {
  spawn(): UtilityChild;
  onEvent(event: PushEvent): void;
  /** A call that gets no answer in this time fails, so a hung core never hangs the window. */
  timeoutMs?: number;
  /** Waits before each restart after a crash; once used up without a healthy start, we stop trying. */
  restartDelaysMs?: readonly number[];
  log?: (message: string) => void;
  /** Answers the core's keychain requests (safeStorage lives in main); without it they are refused. */
  onSecretRequest?: (request: SecretRequest) => SecretReply;
  /** Lists and prints on the OS printers (they need a webContents); without it they are refused. */
  onPrinterRequest?: (request: PrinterRequest) => Promise<PrinterReply>;
}

export interface CoreHost {
  call(op: string, input: unknown, actor: string): Promise<Result<unknown>>;
  /** Asks the core to close the database cleanly; kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

interface Pending {
  request: CoreRequest;
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

/**
 * Relays contract calls from main to the core utility process with request ids, restarts the
 * process when it dies and fails in-flight calls with an `unavailable` Result instead of
 * leaving the window waiting.
 */
export function createCoreHost(opts: CoreHostOptions): CoreHost {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const delays = opts.restartDelaysMs ?? [0, 500, 2_000, 5_000];
  const log = opts.log ?? ((m: string) => console.error(`[packdesk] ${m}`));
  const pending = new Map<number, Pending>();
  let child: UtilityChild | null = null;
  let ready = false;
  let nextId = 1;
  let crashes = 0;
  let lastFatal: string | null = null;
  let brokenReason: string | null = null;
  let stopping: Promise<void> | null = null;
  let onStopped: (() => void) | null = null;

  const settle = (id: number, result: Result<unknown>): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(result);
  };

  const failAll = (message: string): void => {
    for (const id of [...pending.keys()]) settle(id, err('unavailable', message));
  };

  const send = (c: UtilityChild, p: Pending): void => {
    try {
      c.postMessage(p.request);
    } catch (e) {
      // Input that structured clone cannot copy (functions, DOM objects) never reaches the core.
      settle(
        p.request.id,
        err('invalid_input', `The input of ${p.request.op} cannot be sent: ${(e as Error).message}`),
      );
    }
  };

  // A print takes seconds; the answer goes back only to the process that asked (a restarted
  // core has forgotten the request and would ignore it anyway).
  const answerPrinter = async (c: UtilityChild, request: PrinterRequest): Promise<void> => {
    const reply: PrinterReply = opts.onPrinterRequest
      ? await opts.onPrinterRequest(request)
      : {
          id: request.id,
          ok: false,
          fault: 'unavailable',
          message: 'This host has no system printers',
          retry: false,
          maybePrinted: false,
        };
    if (c !== child) return;
    try {
      c.postMessage({ printerReply: reply });
    } catch (e) {
      log(`could not answer a printer request: ${(e as Error).message}`);
    }
  };

  const start = (): void => {
    const c = opts.spawn();
    child = c;
    ready = false;
    c.on('message', (m) => {
      if (c !== child || !isObject(m)) return;
      if (m.ready === true) {
        ready = true;
        crashes = 0;
        lastFatal = null;
        // Calls made while the core was (re)starting go out now, in order.
        for (const p of [...pending.values()]) send(c, p);
      } else if (typeof m.id === 'number' && isObject(m.result)) {
        settle(m.id, m.result as Result<unknown>);
      } else if (isObject(m.event)) {
        opts.onEvent(m.event as unknown as PushEvent);
      } else if (typeof m.fatal === 'string') {
        lastFatal = m.fatal;
      } else if (isSecretRequestMessage(m)) {
        const reply: SecretReply = opts.onSecretRequest
          ? opts.onSecretRequest(m.secret)
          : { id: m.secret.id, ok: false, message: 'This host has no keychain' };
        c.postMessage({ secretReply: reply });
      } else if (isPrinterRequestMessage(m)) {
        void answerPrinter(c, m.printer);
      }
    });
    c.on('exit', (code) => {
      if (c !== child) return;
      child = null;
      ready = false;
      if (stopping) {
        failAll('Packdesk is closing; the operation was not run.');
        onStopped?.();
        return;
      }
      const why = lastFatal ?? `the database process stopped unexpectedly (exit code ${code})`;
      log(`core process exited: ${why}`);
      failAll(
        `Packdesk's database process stopped (${why}). A change in progress may or may not have been saved; ` +
          'check it before trying again.',
      );
      const delay = delays[crashes];
      crashes += 1;
      if (delay === undefined) {
        brokenReason = why;
        log('core process keeps stopping; not restarting it again');
        return;
      }
      setTimeout(() => {
        if (!stopping && !child) start();
      }, delay);
    });
  };

  const unavailableNow = (): Result<unknown> | null => {
    if (stopping) return err('unavailable', 'Packdesk is closing; the operation was not run.');
    if (brokenReason)
      return err(
        'unavailable',
        `Packdesk's database process keeps stopping (${brokenReason}). Nothing was changed. ` +
          'Restart Packdesk; if this happens again, run `packdesk check` or restore a backup.',
      );
    return null;
  };

  start();

  return {
    call(op, input, actor) {
      const refused = unavailableNow();
      if (refused) return Promise.resolve(refused);
      const request: CoreRequest = { id: nextId++, op, input, actor };
      return new Promise((resolve) => {
        const timer = setTimeout(
          () =>
            settle(
              request.id,
              err(
                'unavailable',
                `The database did not answer ${op} within ${Math.round(timeoutMs / 1000)} s. ` +
                  'It may still finish; check the result before trying again.',
              ),
            ),
          timeoutMs,
        );
        const p: Pending = { request, resolve, timer };
        pending.set(request.id, p);
        if (child && ready) send(child, p);
      });
    },

    stop(graceMs = 3_000) {
      if (stopping) return stopping;
      const c = child;
      stopping = new Promise<void>((resolve) => {
        if (!c) {
          failAll('Packdesk is closing; the operation was not run.');
          resolve();
          return;
        }
        const killer = setTimeout(() => {
          c.kill();
          failAll('Packdesk is closing; the operation was not run.');
          resolve();
        }, graceMs);
        onStopped = () => {
          clearTimeout(killer);
          resolve();
        };
        c.postMessage({ shutdown: true });
      });
      return stopping;
    },
  };
}
