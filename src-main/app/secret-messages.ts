/**
 * Secret-store requests from the core utility process to main, which alone may call safeStorage.
 * Bytes cross as base64 so the messages stay plain JSON-like objects.
 */
export type SecretOp = 'status' | 'encrypt' | 'decrypt';

export interface SecretRequest {
  id: number;
  op: SecretOp;
  /** encrypt: the plain text; decrypt: base64 ciphertext. */
  data?: string;
}

export type SecretReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export const isSecretRequestMessage = (m: unknown): m is { secret: SecretRequest } =>
  isObject(m) &&
  isObject(m.secret) &&
  typeof m.secret.id === 'number' &&
  ['status', 'encrypt', 'decrypt'].includes(m.secret.op as string);

export const isSecretReplyMessage = (m: unknown): m is { secretReply: SecretReply } =>
  isObject(m) &&
  isObject(m.secretReply) &&
  typeof m.secretReply.id === 'number' &&
  typeof m.secretReply.ok === 'boolean';
