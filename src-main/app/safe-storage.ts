import type { SecretStoreStatus } from '../adapters/secrets/secret-store.port';
import { plainTextRefusal } from '../adapters/secrets/secret-store.port';
import type { SecretReply, SecretRequest } from './secret-messages';

/** The part of Electron's safeStorage we use; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only; after app 'ready'. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const platformBackend = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';

/** Available only with real OS encryption: Linux's 'basic_text' fallback is refused, not used. */
export function safeStorageStatus(
  ss: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStoreStatus {
  const backend =
    platform === 'linux' ? (ss.getSelectedStorageBackend?.() ?? 'unknown') : platformBackend(platform);
  if (!ss.isEncryptionAvailable())
    return {
      available: false,
      backend,
      reason: plainTextRefusal(backend === 'basic_text' ? 'basic_text' : 'none'),
    };
  if (backend === 'basic_text' || backend === 'unknown')
    return {
      available: false,
      backend,
      reason: plainTextRefusal(backend === 'basic_text' ? 'basic_text' : 'none'),
    };
  return { available: true, backend, reason: null };
}

/** Answers one request from the core; never throws, so a bad request cannot take main down. */
export function answerSecretRequest(
  ss: SafeStorageLike,
  req: SecretRequest,
  platform: NodeJS.Platform = process.platform,
): SecretReply {
  try {
    const status = safeStorageStatus(ss, platform);
    if (req.op === 'status') return { id: req.id, ok: true, value: status };
    if (!status.available)
      return { id: req.id, ok: false, message: status.reason ?? 'No encrypted store is available' };
    if (typeof req.data !== 'string') return { id: req.id, ok: false, message: `${req.op} needs data` };
    if (req.op === 'encrypt')
      return { id: req.id, ok: true, value: ss.encryptString(req.data).toString('base64') };
    return { id: req.id, ok: true, value: ss.decryptString(Buffer.from(req.data, 'base64')) };
  } catch (e) {
    return { id: req.id, ok: false, message: (e as Error)?.message ?? String(e) };
  }
}
