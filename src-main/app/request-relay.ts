/**
 * The core process's side of a request/reply exchange with main over the parent port (keychain,
 * system printers): each request carries a fresh id, main's reply carries it back, and a request
 * main does not answer in time fails instead of hanging. Runs without electron imports.
 */
export type RelayReply = { id: number; ok: true; value: unknown } | { id: number; ok: false };

export interface AskOptions {
  timeoutMs: number;
  /** The error when main has not answered within timeoutMs. */
  onTimeout(): Error;
  /** The error when the request could not even be posted; without it, what post threw. */
  onUnsent?(e: Error): Error;
}

export interface RequestRelay<Reply extends RelayReply> {
  /** Posts one request under a fresh id and resolves with the value main replies. */
  ask(post: (id: number) => void, opts: AskOptions): Promise<unknown>;
  /** Hands main's reply to the request waiting for it; a late or unknown reply is dropped. */
  receive(reply: Reply): void;
}

export function createRequestRelay<Reply extends RelayReply>(
  /** Turns main's refusal into the error the caller sees. */
  failure: (reply: Extract<Reply, { ok: false }>) => Error,
): RequestRelay<Reply> {
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }
  >();
  let nextId = 1;

  return {
    ask: (post, opts) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(opts.onTimeout());
        }, opts.timeoutMs);
        pending.set(id, { resolve, reject, timer });
        try {
          post(id);
        } catch (e) {
          clearTimeout(timer);
          pending.delete(id);
          reject(opts.onUnsent ? opts.onUnsent(e as Error) : e);
        }
      }),
    receive(reply) {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(failure(reply as Extract<Reply, { ok: false }>));
    },
  };
}
