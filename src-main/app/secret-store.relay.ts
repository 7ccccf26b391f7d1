import type { SecretStore, SecretStoreStatus } from '../adapters/secrets/secret-store.port';
import { createRequestRelay } from './request-relay';
import type { SecretOp, SecretReply } from './secret-messages';

/**
 * The core process's SecretStore: each call is a request to main (which holds safeStorage) over
 * the parent port, matched by id. Runs without electron imports.
 */
export function createRelayedSecretStore(
  post: (message: { secret: { id: number; op: SecretOp; data?: string } }) => void,
  timeoutMs = 10_000,
): SecretStore & { receive(reply: SecretReply): void } {
  const relay = createRequestRelay<SecretReply>((reply) => new Error(reply.message));

  const ask = (op: SecretOp, data?: string): Promise<unknown> =>
    relay.ask((id) => post({ secret: data === undefined ? { id, op } : { id, op, data } }), {
      timeoutMs,
      onTimeout: () =>
        new Error(
          `The desktop app did not answer the keychain request (${op}) within ${Math.round(timeoutMs / 1000)} s`,
        ),
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
    receive: relay.receive,
  };
}
