import type { OpInput, OpName, OpOutput } from '../../src-shared/contract';
import type { EventName, EventPayload, PushEvent } from '../../src-shared/contract/events.contract';
import type { Result } from '../../src-shared/result';
import type { ConnectionState, Transport } from './http-bridge';

/** The one typed client every screen uses; it never knows whether IPC or HTTP is underneath. */
export interface Api {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onStatus(listener: (state: ConnectionState) => void): () => void;
  /** Present only over HTTP: a new LAN token typed into the prompt. */
  setToken?(token: string): void;
  readonly host: 'electron' | 'web';
  readonly locales: readonly string[];
}

export function createApi(transport: Transport): Api {
  const byName = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;

  // One bridge subscription fans out to every screen, so screens cannot leak bridge listeners.
  const dispatch = (event: PushEvent): void => {
    for (const l of byName.get(event.name) ?? []) {
      try {
        l(event.payload);
      } catch (e) {
        console.error(`Listener for ${event.name} failed`, e);
      }
    }
  };

  return {
    host: transport.host,
    locales: transport.locales,
    async call(op, input) {
      try {
        return (await transport.call(op, input)) as Result<OpOutput<typeof op>>;
      } catch (e) {
        // The preload rejects only when the core process is gone; screens still get a Result.
        return {
          ok: false,
          error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) },
        };
      }
    },
    on(name, listener) {
      let set = byName.get(name);
      if (!set) byName.set(name, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      unsubscribe ??= transport.onEvent(dispatch);
      return () => {
        set.delete(listener as (p: unknown) => void);
      };
    },
    onStatus(listener) {
      // Inside Electron the core is local: it is either there or the whole window is gone.
      if (!transport.onStatus) {
        listener('online');
        return () => undefined;
      }
      return transport.onStatus(listener);
    },
    setToken: transport.setToken ? (token) => transport.setToken?.(token) : undefined,
  };
}
