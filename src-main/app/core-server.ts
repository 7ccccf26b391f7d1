import type { Core } from '../compose';
import { err, type Result } from '../../src-shared/result';
import { isCoreRequest, isShutdown, type FromCore } from './core-messages';

/** The part of Electron's `process.parentPort` we use, typed here so this file needs no electron. */
export interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: FromCore): void;
}

/**
 * Serves the core over the parent port: answers `{ id, op, input, actor }` with `{ id, result }`
 * and forwards push events as `{ event }`. Runs in the utility process so synchronous SQLite
 * work never blocks the window's main thread.
 */
export function serveCore(
  port: ParentPortLike,
  openCore: () => Core,
  exit: (code: number) => void,
  /** Messages that are not contract calls (keychain answers from main) go here. */
  onOther?: (data: unknown) => void,
): void {
  let core: Core;
  try {
    core = openCore();
  } catch (e) {
    // Tell main why before dying, so the window can show the reason instead of a bare "unavailable".
    port.postMessage({ fatal: `The database could not be opened: ${(e as Error)?.message ?? String(e)}` });
    exit(1);
    return;
  }
  core.subscribe((event) => port.postMessage({ event }));

  const reply = (id: number, result: Result<unknown>): void => {
    try {
      port.postMessage({ id, result });
    } catch (e) {
      // A value structured clone cannot copy must still answer the call, or main waits for the timeout.
      port.postMessage({
        id,
        result: err('internal', `The result of the operation could not be sent: ${(e as Error).message}`),
      });
    }
  };

  port.on('message', ({ data }) => {
    if (isShutdown(data)) {
      try {
        core.close();
      } finally {
        exit(0);
      }
      return;
    }
    if (!isCoreRequest(data)) {
      onOther?.(data);
      return;
    }
    core
      .call(data.op, data.input, { actor: data.actor })
      .catch((e: unknown) => err('internal', `Unexpected error: ${(e as Error)?.message ?? String(e)}`))
      .then((result) => reply(data.id, result));
  });
  port.postMessage({ ready: true });
}
