import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CoreContext, Db } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { readSettings, writeSetting } from './settings.repo';
import { settings } from './settings.table';

/**
 * The supervisor PIN that guards packing overrides. Stored as a salted scrypt hash under a key
 * that is not in SETTING_KEYS, so settings.get can never hand it (or its hash) to a screen.
 */
const PIN_KEY = 'packing.supervisorPinHash';
const KEY_LEN = 32;

/** Wrong PINs in a row before the pause, and the pause: a 4-digit PIN must not be guessable by trying. */
export const PIN_MAX_TRIES = 5;
export const PIN_PAUSE_MS = 30_000;

interface StoredPin {
  salt: string;
  hash: string;
}

const hashPin = (pin: string, salt: Buffer): Buffer => scryptSync(pin, salt, KEY_LEN);

function storedPin(db: Db): StoredPin | null {
  const v = readSettings(db, [PIN_KEY])[PIN_KEY] as StoredPin | undefined;
  return v && typeof v.salt === 'string' && typeof v.hash === 'string' ? v : null;
}

export const supervisorPinIsSet = (db: Db): boolean => storedPin(db) !== null;

/** Wrong tries per database, in the core's memory: a refused call rolls its transaction back, so they cannot live in a table. */
const triesByDb = new WeakMap<object, { wrong: number; pausedUntil: number }>();

/**
 * Refuses unless `pin` is the supervisor PIN (or no PIN is set). After PIN_MAX_TRIES wrong ones
 * every try, right or wrong, is refused for PIN_PAUSE_MS. True when a PIN was set and matched.
 */
export function checkSupervisorPin(ctx: CoreContext, pin: string | undefined, what: string): boolean {
  const stored = storedPin(ctx.db);
  if (!stored) return false;
  let tries = triesByDb.get(ctx.sqlite);
  if (!tries) triesByDb.set(ctx.sqlite, (tries = { wrong: 0, pausedUntil: 0 }));
  const now = ctx.now();
  if (tries.pausedUntil > now)
    throw new AppFailure(
      'forbidden',
      `Too many wrong supervisor PINs: try again in ${Math.ceil((tries.pausedUntil - now) / 1000)} s`,
    );
  if (!pin) throw new AppFailure('forbidden', `${what} needs the supervisor PIN`);
  const expected = Buffer.from(stored.hash, 'hex');
  const given = hashPin(pin, Buffer.from(stored.salt, 'hex'));
  if (given.length === expected.length && timingSafeEqual(given, expected)) {
    tries.wrong = 0;
    return true;
  }
  tries.wrong += 1;
  if (tries.wrong >= PIN_MAX_TRIES) {
    tries.wrong = 0;
    tries.pausedUntil = now + PIN_PAUSE_MS;
    throw new AppFailure(
      'forbidden',
      `Wrong supervisor PIN; ${PIN_MAX_TRIES} wrong tries: PIN entry paused for ${PIN_PAUSE_MS / 1000} s`,
    );
  }
  const left = PIN_MAX_TRIES - tries.wrong;
  throw new AppFailure('forbidden', `Wrong supervisor PIN (${left} ${left === 1 ? 'try' : 'tries'} left)`);
}

/** Sets, changes or (newPin null) removes the PIN; once one is set, only its holder can change it. */
export function setSupervisorPin(
  ctx: CoreContext,
  input: { oldPin?: string; newPin: string | null },
  actor: string,
): { set: boolean } {
  const had = supervisorPinIsSet(ctx.db);
  checkSupervisorPin(ctx, input.oldPin, 'Changing the supervisor PIN');
  if (input.newPin === null) {
    if (had) ctx.db.delete(settings).where(eq(settings.key, PIN_KEY)).run();
  } else {
    const salt = randomBytes(16);
    const value: StoredPin = {
      salt: salt.toString('hex'),
      hash: hashPin(input.newPin, salt).toString('hex'),
    };
    writeSetting(ctx.db, PIN_KEY, value, ctx.now());
  }
  const set = input.newPin !== null;
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'settings',
    entityId: 0,
    action: set ? (had ? 'supervisor_pin_changed' : 'supervisor_pin_set') : 'supervisor_pin_removed',
  });
  ctx.emit('settings.changed', { what: 'settings' });
  return { set };
}
