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

export function keysOf(f: CustomerFacts): { kind: KeyKind; key: string; label: string }[] {
  const keys: { kind: KeyKind; key: string; label: string }[] = [];
  if (f.buyerId && !masked(f.buyerId))
    keys.push({ kind: 'buyer', key: `${f.channelId}:${f.buyerId}`, label: `channel buyer id ${f.buyerId}` });
  if (f.phone) keys.push({ kind: 'phone', key: f.phone, label: `phone ${f.phone}` });
  if (f.email && f.email.includes('@'))
    keys.push({ kind: 'email', key: f.email.toLowerCase(), label: `email ${f.email.toLowerCase()}` });
  if (f.name && !masked(f.name) && f.addressKey)
    keys.push({ kind: 'name_address', key: `${f.name}|${f.addressKey}`, label: `name + address` });
  return keys;
}

/**
 * Which profile each customer key points at, within one import transaction: filled as keys are
 * looked up, kept in step with every key written, moved or merged by `linkCustomer`. `null` =
 * known to be absent. Lives only as long as the transaction, so a rolled-back page can never
 * leave it pointing at profiles that do not exist. A merge is recorded once (younger → older
 * profile) and followed on read, instead of rewriting every entry that names the younger one.
 * A plain Map inside (not a subclass): this is read several times per imported order.
 */
export class KeyCache {
  private readonly ids = new Map<string, number | null>();
  private readonly mergedInto = new Map<number, number>();

  get(key: string): number | null | undefined {
    let id = this.ids.get(key);
    if (id == null || this.mergedInto.size === 0) return id;
    for (let to = this.mergedInto.get(id); to !== undefined; to = this.mergedInto.get(to)) id = to;
    return id;
  }

  set(key: string, id: number | null): void {
    this.ids.set(key, id);
  }

  merged(from: number, into: number): void {
    this.mergedInto.set(from, into);
  }
}

const cacheKey = (kind: KeyKind, key: string) => `${kind}\u0000${key}`;

/**
 * Finds the profile an order belongs to by buyer id, phone, email or name + address; creates one
 * on first sight. When the keys point at two profiles they are the same person seen twice, so the
 * younger profile is merged into the older (orders and keys move, an audit entry says why).
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
  const hits = new Map<number, string[]>();
  const known = new Set<string>();
  for (const k of keys) {
    const ck = cacheKey(k.kind, k.key);
    let found = cache?.get(ck);
    if (found === undefined) {
      found = (st.byKey.get(k.kind, k.key) as { id: number } | undefined)?.id ?? null;
      cache?.set(ck, found);
    }
    if (found !== null) known.add(ck);
    else if (k.kind === 'phone') found = (st.byPhone.get(k.key) as { id: number } | undefined)?.id ?? null;
    if (found !== null) hits.set(found, [...(hits.get(found) ?? []), k.label]);
  }
  // The order's reason names its keys, not the history (new profile or not, merged or not), so
  // the same orders give the same reasons whatever order they arrive in; merges go to the audit log.
  const reasons = [`customer profile linked by ${keys.map((k) => k.label).join(', ')}`];
  let id: number;
  let isNew = false;
  if (hits.size === 0) {
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
  } else {
    const ids = [...hits.keys()].sort((a, b) => a - b);
    id = ids[0] as number;
    for (const other of ids.slice(1)) {
      const why = `same ${(hits.get(other) ?? []).join(', ')} as customer #${id}`;
      reassignCustomerOrders(sqlite, other, id);
      st.moveKeys.run(id, other);
      st.deleteCustomer.run(other);
      cache?.merged(other, id);
      recordAudit(db, {
        at: now,
        actor,
        entity: 'customer',
        entityId: id,
        action: 'merge',
        from: String(other),
        to: String(id),
        reason: why,
      });
    }
  }
  // Keys already stored belong to `id` now (merges moved them); only new ones are written.
  for (const k of keys) {
    const ck = cacheKey(k.kind, k.key);
    if (known.has(ck)) continue;
    st.insertKey.run(id, k.kind, k.key);
    cache?.set(ck, id);
  }
  return { customerId: id, isNew, reasons };
}

/** The address a repeat customer uses most (masked addresses never count). */
export const usualAddress = (st: CustomerStatements, customerId: number): UsualAddress | undefined =>
  st.usualAddress.get({ id: customerId, filled: FILLED_FROM_USUAL }) as UsualAddress | undefined;
