import type { Sqlite } from '../../adapters/db/open';
import { recordAudit } from '../audit';
import { reassignCustomerOrders } from '../orders';
import { isMasked } from '../standardize';
import type { Db } from '../../core-context';
import {
  FILLED_FROM_USUAL,
  type CustomerStatements,
  type KeyKind,
  type UsualAddress,
} from './customers.repo';

export interface CustomerFacts {
  channelId: number;
  buyerId: string;
  name: string;
  /** Normalised and valid, or '' (a masked or invalid phone identifies nobody). */
  phone: string;
  email: string;
  /** Normalised full address, '' when masked or missing. */
  addressKey: string;
  country: string;
  province: string;
  city: string;
}

export interface LinkResult {
  customerId: number | null;
  isNew: boolean;
  reasons: string[];
}

// A masked buyer id or name (##密文, 张**, PDD ciphertext) identifies nobody.
const masked = isMasked;

/**
 * A mobile (13812345678) or a foreign number (+14155550100) is one person's or one household's.
 * A Chinese landline or service number (0755-86001234, 400-1234567) is often a company's
 * switchboard, shared by colleagues at one address: it identifies someone only with their name.
 */
const personalPhone = (phone: string): boolean => phone.startsWith('+') || /^1\d{10}$/.test(phone);

/**
 * A surname with a title (张先生, 李女士, 王总, 欧阳老师, Mr. Li) is how a clerk or a buyer writes
 * "whoever it is": two colleagues at one company address are both 张先生, so such a name joins
 * nobody by address. (A full name still does; a phone or buyer id still links them.)
 */
const TITLE_ONLY =
  /^(?:\p{Script=Han}{1,2}(?:先生|女士|小姐|太太|夫人|老师|经理|总|老板|师傅|同学|阿姨|叔叔|大哥|大姐|哥|姐|工)|(?:mr|mrs|ms|miss|dr)(?:\.\s*|\s+)\p{L}+)$/iu;
const namesSomeone = (name: string): boolean => !masked(name) && !TITLE_ONLY.test(name.trim());

export function keysOf(f: CustomerFacts): { kind: KeyKind; key: string; label: string }[] {
  const keys: { kind: KeyKind; key: string; label: string }[] = [];
  if (f.buyerId && !masked(f.buyerId))
    keys.push({ kind: 'buyer', key: `${f.channelId}:${f.buyerId}`, label: `channel buyer id ${f.buyerId}` });
  if (f.phone && personalPhone(f.phone))
    keys.push({ kind: 'phone', key: f.phone, label: `phone ${f.phone}` });
  else if (f.phone && f.name && !masked(f.name))
    keys.push({ kind: 'phone', key: `${f.phone}|${f.name}`, label: `landline ${f.phone} + name` });
  if (f.email && f.email.includes('@'))
    keys.push({ kind: 'email', key: f.email.toLowerCase(), label: `email ${f.email.toLowerCase()}` });
  if (f.name && namesSomeone(f.name) && f.addressKey)
    keys.push({ kind: 'name_address', key: `${f.name}|${f.addressKey}`, label: `name + address` });
  return keys;
}

/**
 * Which profile each customer key points at, within one import transaction: filled as keys are
 * looked up, kept in step with every key written, moved or merged by `linkCustomer`. `null` =
 * known to be absent. Lives only as long as the transaction, so a rolled-back page can never
 * leave it pointing at profiles that do not exist. A merge is recorded once (younger → older
 * profile) and followed on read, instead of rewriting every entry that names the younger one.
 * It is read several times per imported order: one plain map per key kind, keyed by the key
 * text itself (no joined string per lookup, no Map subclass). Name + address keys are not kept:
 * nearly every order brings a new one, and the index answers those lookups for less than the
 * upkeep of a map of 100,000 of them (100,000 Shopify orders imported ~0.2 s sooner without).
 */
const UNKEPT: KeyKind = 'name_address';

export class KeyCache {
  private readonly ids = new Map<KeyKind, Map<string, number | null>>();
  private readonly mergedInto = new Map<number, number>();

  get(kind: KeyKind, key: string): number | null | undefined {
    if (kind === UNKEPT) return undefined;
    const id = this.ids.get(kind)?.get(key);
    return id == null || this.mergedInto.size === 0 ? id : this.current(id);
  }

  set(kind: KeyKind, key: string, id: number | null): void {
    if (kind === UNKEPT) return;
    let byKey = this.ids.get(kind);
    if (!byKey) this.ids.set(kind, (byKey = new Map()));
    byKey.set(key, id);
  }

  merged(from: number, into: number): void {
    this.mergedInto.set(from, into);
  }

  /** The profile `id` is now: itself, or the one it was merged into. */
  current(id: number): number {
    for (let to = this.mergedInto.get(id); to !== undefined; to = this.mergedInto.get(to)) id = to;
    return id;
  }
}

/**
 * Finds the profile an order belongs to by buyer id, phone, email or name + address; creates one
 * on first sight. When the keys point at two profiles they are the same person seen twice, so the
 * younger profile is merged into the older (orders and keys move, an audit entry says why).
 * Runs once per imported order: plain loops, no per-call maps or sets.
 */
export function linkCustomer(
  db: Db,
  sqlite: Sqlite,
  st: CustomerStatements,
  f: CustomerFacts,
  now: number,
  actor: string,
  cache?: KeyCache,
): LinkResult {
  const keys = keysOf(f);
  if (!keys.length)
    return {
      customerId: null,
      isNew: false,
      reasons: ['no customer link: recipient masked and no buyer id'],
    };
  // stored[i]: the profile keys[i] is stored for (null: not stored); hit[i]: the profile it
  // points at, counting profiles made before keys existed, found by phone.
  const stored: (number | null)[] = [];
  const hit: (number | null)[] = [];
  let id: number | null = null;
  for (const k of keys) {
    let found = cache?.get(k.kind, k.key);
    if (
      found === undefined &&
      k.kind === UNKEPT &&
      id !== null &&
      st.insertKey.run(id, k.kind, k.key).changes
    ) {
      // A repeat buyer's new address (nearly every one is new): written at once, which tells
      // that it was not stored without a lookup first. A stored one is looked up as any key.
      stored.push(id);
      hit.push(id);
      continue;
    }
    if (found === undefined) {
      found = (st.byKey.get(k.kind, k.key) as { id: number } | undefined)?.id ?? null;
      cache?.set(k.kind, k.key, found);
    }
    stored.push(found);
    // (Never a landline key: its profile's phone alone would join colleagues again.)
    if (found === null && k.kind === 'phone' && k.key === f.phone)
      found = (st.byPhone.get(k.key) as { id: number } | undefined)?.id ?? null;
    hit.push(found);
    if (found !== null && (id === null || found < id)) id = found;
  }
  // The order's reason names its keys, not the history (new profile or not, merged or not), so
  // the same orders give the same reasons whatever order they arrive in; merges go to the audit log.
  const reasons = [`customer profile linked by ${keys.map((k) => k.label).join(', ')}`];
  let isNew = false;
  if (id === null) {
    id = st.insert(
      {
        name: f.name,
        phone: f.phone || null,
        email: f.email || null,
        country: f.country || null,
        province: f.province || null,
        city: f.city || null,
      },
      now,
    );
    isNew = true;
  } else if (hit.some((h) => h !== null && h !== id)) {
    // The older profile stays; every younger one is merged into it, once.
    const into = id;
    const others = [...new Set(hit.filter((h): h is number => h !== null && h !== into))].sort(
      (a, b) => a - b,
    );
    for (const other of others) {
      const labels = keys.filter((_, i) => hit[i] === other).map((k) => k.label);
      reassignCustomerOrders(sqlite, other, into);
      st.moveKeys.run(into, other);
      st.fillContact.run({ from: other, into });
      st.deleteCustomer.run(other);
      cache?.merged(other, into);
      recordAudit(db, {
        at: now,
        actor,
        entity: 'customer',
        entityId: into,
        action: 'merge',
        from: String(other),
        to: String(into),
        reason: `same ${labels.join(', ')} as customer #${into}`,
      });
    }
  }
  // Keys already stored belong to `id` now (merges moved them); only new ones are written.
  keys.forEach((k, i) => {
    if (stored[i] !== null) return;
    st.insertKey.run(id, k.kind, k.key);
    cache?.set(k.kind, k.key, id);
    if (k.kind === 'phone' && !isNew) st.fillPhone.run(f.phone, id);
  });
  return { customerId: id, isNew, reasons };
}

/** The address a repeat customer uses most (masked addresses never count). */
export const usualAddress = (st: CustomerStatements, customerId: number): UsualAddress | undefined =>
  st.usualAddress.get({ id: customerId, filled: FILLED_FROM_USUAL }) as UsualAddress | undefined;
