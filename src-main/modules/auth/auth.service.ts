import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import { readSettings, writeSetting } from '../settings';

const KEY = 'server.lanTokenHash';
const hash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const hasLanToken = (ctx: CoreContext): boolean =>
  typeof readSettings(ctx.db, [KEY])[KEY] === 'string';

/** Issues a new LAN access token, keeping only its hash; the token itself is shown once. */
export function issueLanToken(ctx: CoreContext): string {
  const token = randomBytes(24).toString('base64url');
  writeSetting(ctx.db, KEY, hash(token).toString('hex'), ctx.now());
  return token;
}

export function verifyLanToken(ctx: CoreContext, token: string | null | undefined): boolean {
  const stored = readSettings(ctx.db, [KEY])[KEY];
  if (typeof stored !== 'string' || !token) return false;
  const expected = Buffer.from(stored, 'hex');
  const given = hash(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
