import type { SecretStore, SecretStoreStatus } from '../adapters/secrets/secret-store.port';
import type { SecretOp, SecretReply } from './secret-messages';

/**
 * The core process's SecretStore: each call is a request to main (which holds safeStorage) over
 * the parent port, matched by id. Runs without electron imports.
 */
export function createRelayedSecretStore(
  post: (message: { secret: { id: number; op: SecretOp; data?: string } }) => void,
  timeoutMs = 10_000,
): SecretStore & { receive(reply: SecretReply): void } {
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }
  >();
  let nextId = 1;

  const ask = (op: SecretOp, data?: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(
            `The desktop app did not answer the keychain request (${op}) within ${Math.round(timeoutMs / 1000)} s`,
          ),
        );
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      post({ secret: data === undefined ? { id, op } : { id, op, data } });
    });

  const status = async () => (await ask('status')) as SecretStoreStatus;

  return {
    status,
    // Main refuses encryption itself on a plain-text backend, with the reason.
    async encrypt(plain) {
      return Buffer.from((await ask('encrypt', plain)) as string, 'base64');
    },
    async decrypt(ciphertext) {
      return (await ask('decrypt', Buffer.from(ciphertext).toString('base64'))) as string;
    },
    receive(reply) {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.message));
    },
  };
}
