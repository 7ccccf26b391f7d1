import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { PackdeskBridge } from '../../src-shared/contract/bridge';
import type { PushEvent } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { IPC, LOCALES_ARG } from './ipc-channels';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** OS languages passed by main in argv, else the browser's list; only well-formed tags. */
export function readLocales(
  argv: readonly string[],
  navigatorLanguages: readonly string[] | undefined,
): string[] {
  const arg = argv.find((a) => a.startsWith(LOCALES_ARG));
  const fromArg = arg ? arg.slice(LOCALES_ARG.length).split(',') : [];
  const source = fromArg.some((l) => LOCALE.test(l)) ? fromArg : [...(navigatorLanguages ?? [])];
  return source.filter((l) => LOCALE.test(l)).slice(0, 10);
}

export function createBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  locales: readonly string[],
): PackdeskBridge {
  return {
    async call(op: string, input: unknown): Promise<Result<unknown>> {
      try {
        return (await ipc.invoke(IPC.call, op, input)) as Result<unknown>;
      } catch (e) {
        // invoke rejects when the input cannot be cloned or main has no handler yet; the page
        // gets a Result either way, never an exception.
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: `The call to ${String(op)} failed: ${(e as Error)?.message ?? String(e)}`,
          },
        };
      }
    },
    onEvent(listener: (event: PushEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      // The IpcRendererEvent (with its `sender`) stays here: the page only sees the payload.
      const relay = (_event: IpcRendererEvent, event: PushEvent): void => listener(event);
      ipc.on(IPC.event, relay);
      return () => {
        ipc.removeListener(IPC.event, relay);
      };
    },
    host: 'electron',
    locales: Object.freeze([...locales]),
  };
}
