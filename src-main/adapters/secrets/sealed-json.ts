import type { ZodType } from 'zod';
import { AppFailure } from '../../../src-shared/result';
import type { SecretStore } from './secret-store.port';

/** What is stored for a secret: the keychain backend that encrypted it and the ciphertext. */
export interface Sealed {
  backend: string;
  ciphertext: Uint8Array;
}

/**
 * Encrypts a value (as JSON) with the host's keychain. Refused, with the reason, where the host
 * has no real keychain: a plain-text "encryption" would only pretend to protect it.
 */
export async function seal(secrets: SecretStore, value: unknown): Promise<Sealed> {
  const status = await secrets.status();
  if (!status.available)
    throw new AppFailure(
      'unavailable',
      `Credentials not stored: ${status.reason ?? 'no encrypted store is available'}`,
    );
  return { backend: status.backend, ciphertext: await secrets.encrypt(JSON.stringify(value)) };
}

/**
 * Decrypts and checks a sealed value. `what` names it in messages ("The channel's credentials"),
 * `fix` says what a person does when it cannot be read ("enter them again in the channel settings").
 */
export async function unseal<T>(
  secrets: SecretStore,
  sealed: Sealed,
  schema: ZodType<T>,
  what: string,
  fix: string,
): Promise<T> {
  const status = await secrets.status();
  if (!status.available)
    throw new AppFailure(
      'unavailable',
      `${what} cannot be read on this host: ${status.reason ?? 'no keychain'}`,
    );
  if (sealed.backend !== status.backend)
    throw new AppFailure(
      'unavailable',
      `${what} were encrypted with ${sealed.backend} but this computer uses ${status.backend}; ${fix}`,
    );
  let plain: string;
  try {
    plain = await secrets.decrypt(sealed.ciphertext);
  } catch (e) {
    throw new AppFailure('unavailable', `${what} cannot be decrypted (${(e as Error).message}); ${fix}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(plain);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppFailure('internal', `${what} are unreadable; ${fix}`);
  return parsed.data;
}
