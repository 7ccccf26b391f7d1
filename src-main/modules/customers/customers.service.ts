import type { CoreContext } from '../../core-context';
import {
  RFM_SEGMENTS,
  type CUSTOMER_SORTS,
  type CustomerMatch,
  type CustomerProfile,
  type CustomerSummary,
} from '../../../src-shared/contract/customers.contract';
import { AppFailure } from '../../../src-shared/result';
import { halfWidth } from '../../../src-shared/domain/half-width';
import {
  customerKeysOf,
  customerStats,
  customerStatements,
  findCustomer,
  type CustomerListRow,
  listCustomerRows,
  lookupCustomerRows,
  recentOrders,
  spendByCustomer,
  topCategories,
  topSkus,
} from './customers.repo';
import { usualAddress } from './customer-link';
import { recordAudit } from '../audit';
import { reassignCustomerOrders } from '../orders';

const DAY = 86_400_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

type Segment = CustomerSummary['segment'];

/**
 * RFM with fixed, explainable thresholds (a small shop's customer base is too small for
 * quintiles to mean much): recency in days, frequency in orders, monetary in the main currency.
 */
export function rfmSegment(
  recencyDays: number | null,
  frequency: number,
): { segment: Segment; reasons: string[] } {
  if (recencyDays === null || frequency === 0) return { segment: 'none', reasons: ['no orders yet'] };
  const r = `last order ${recencyDays} d ago`;
  const f = `${frequency} order${frequency > 1 ? 's' : ''}`;
  if (recencyDays > 365) return { segment: 'lost', reasons: [r, 'over a year without an order'] };
  if (frequency >= 5 && recencyDays <= 30)
    return { segment: 'champion', reasons: [r, f, '≥ 5 orders and bought within 30 days'] };
  if (frequency >= 3 && recencyDays <= 90)
    return { segment: 'loyal', reasons: [r, f, '≥ 3 orders and bought within 90 days'] };
  if (frequency >= 2 && recencyDays > 90)
    return { segment: 'at_risk', reasons: [r, f, 'repeat buyer quiet for over 90 days'] };
  if (frequency === 1 && recencyDays <= 30)
    return { segment: 'new', reasons: [r, 'first order within 30 days'] };
  if (frequency >= 2) return { segment: 'promising', reasons: [r, f, 'repeat buyer within 90 days'] };
  return { segment: 'one_time', reasons: [r, 'one order, over 30 days ago'] };
}

function spendOf(rows: { currency: string; totalMinor: number; orders: number }[]) {
  return rows.map((s) => ({
    currency: s.currency,
    totalMinor: s.totalMinor,
    orders: s.orders,
    averageMinor: Math.round(s.totalMinor / Math.max(1, s.orders)),
  }));
}

const byName = new Intl.Collator('zh-CN');
const SORTS: Record<(typeof CUSTOMER_SORTS)[number], (a: CustomerListRow, b: CustomerListRow) => number> = {
  recent: (a, b) => (b.lastOrderAt ?? -1) - (a.lastOrderAt ?? -1) || b.id - a.id,
  orders: (a, b) => b.orderCount - a.orderCount || (b.lastOrderAt ?? -1) - (a.lastOrderAt ?? -1),
  name: (a, b) => byName.compare(a.name, b.name) || a.id - b.id,
};

export function listCustomers(
  ctx: CoreContext,
  input: {
    search?: string;
    segment?: Segment;
    sort: (typeof CUSTOMER_SORTS)[number];
    offset: number;
    limit: number;
  },
) {
  const search = typed(input.search ?? '') || null;
  const now = ctx.now();
  const all = listCustomerRows(ctx.sqlite, search, search ? phoneDigits(search) : null).map((r) => ({
    ...r,
    segment: rfmSegment(r.lastOrderAt === null ? null : Math.floor((now - r.lastOrderAt) / DAY), r.orderCount)
      .segment,
  }));
  const counts = new Map<Segment, number>();
  for (const r of all) counts.set(r.segment, (counts.get(r.segment) ?? 0) + 1);
  const matching = input.segment ? all.filter((r) => r.segment === input.segment) : all;
  const rows = matching.sort(SORTS[input.sort]).slice(input.offset, input.offset + input.limit);
  const spend = spendByCustomer(
    ctx.sqlite,
    rows.map((r) => r.id),
  );
  return {
    total: matching.length,
    segments: RFM_SEGMENTS.filter((s) => counts.has(s)).map((segment) => ({
      segment,
      count: counts.get(segment)!,
    })),
    rows: rows.map((r): CustomerSummary => ({
      id: r.id,
      name: r.name,
      phone: r.phone,
      orderCount: r.orderCount,
      firstOrderAt: iso(r.firstOrderAt),
      lastOrderAt: iso(r.lastOrderAt),
      spend: spendOf(spend.filter((s) => s.customerId === r.id)),
      segment: r.segment,
    })),
  };
}

export function getCustomer(ctx: CoreContext, id: number): CustomerProfile {
  const c = findCustomer(ctx.sqlite, id);
  if (!c)
    throw new AppFailure(
      'not_found',
      `Customer ${id} does not exist (it may have been merged into another profile)`,
    );
  const orders = recentOrders(ctx.sqlite, id);
  const live = orders.filter((o) => o.status !== 'cancelled');
  const row = customerStats(ctx.sqlite, id);
  const spend = spendOf(spendByCustomer(ctx.sqlite, [id]));
  const lastAt = row?.lastOrderAt ?? null;
  const recencyDays = lastAt === null ? null : Math.floor((ctx.now() - lastAt) / DAY);
  const rfm = rfmSegment(recencyDays, row?.orderCount ?? live.length);
  const usual = usualAddress(customerStatements(ctx.sqlite), id);
  return {
    id: c.id,
    // The profile's own name, as customers.list shows it; each order's recipient (a gift, a
    // colleague collecting) is listed with the order below, newest first.
    name: c.name,
    phone: c.phone,
    email: c.email,
    orderCount: row?.orderCount ?? 0,
    firstOrderAt: iso(row?.firstOrderAt ?? null),
    lastOrderAt: iso(lastAt),
    spend,
    segment: rfm.segment,
    rfm: {
      recencyDays,
      frequency: row?.orderCount ?? 0,
      monetaryMinor: spend[0]?.totalMinor ?? 0,
      reasons: rfm.reasons,
    },
    keys: customerKeysOf(ctx.sqlite, id),
    usualAddress: usual
      ? {
          country: usual.country,
          province: usual.province,
          city: usual.city,
          district: usual.district,
          street: usual.street,
          detail: usual.detail,
          postcode: usual.postcode,
          uses: usual.uses,
        }
      : null,
    topSkus: topSkus(ctx.sqlite, id),
    topCategories: topCategories(ctx.sqlite, id),
    orders: orders.map((o) => ({ ...o, placedAt: new Date(o.placedAt).toISOString() })),
  };
}

/** A query that is a phone number as people type it: digits with spaces, dashes, brackets or a leading + or 00. */
const phoneDigits = (q: string): string | null =>
  /^\+?[\d\s()-]+$/.test(q) && /\d/.test(q) ? q.replace(/[^\d+]/g, '').replace(/^(?:\+|00)86/, '') : null;

/** A search as typed, full-width digits and signs made ASCII (１３８, ＋８６): phones are stored in ASCII. */
const typed = (q: string): string => halfWidth(q).trim();

/** The order-entry lookup: best matches first, each with the address its orders usually go to. */
export function lookupCustomers(ctx: CoreContext, query: string, limit: number): CustomerMatch[] {
  const st = customerStatements(ctx.sqlite);
  const q = typed(query);
  return lookupCustomerRows(ctx.sqlite, q, phoneDigits(q), limit).map((r) => {
    const a = usualAddress(st, r.id);
    return {
      id: r.id,
      name: r.name,
      phone: r.phone,
      orderCount: r.orderCount,
      lastOrderAt: iso(r.lastOrderAt),
      usualAddress: a
        ? {
            country: a.country,
            province: a.province,
            city: a.city,
            district: a.district,
            street: a.street,
            detail: a.detail,
            postcode: a.postcode,
            raw: a.addressRaw,
            uses: a.uses,
          }
        : null,
    };
  });
}

/**
 * A merge the shop decides (two profiles the keys could not join: a new phone, a nickname): the
 * duplicate's orders and keys move to the kept profile and the duplicate goes, in one write.
 */
export function mergeCustomers(ctx: CoreContext, from: number, into: number, actor: string) {
  const st = customerStatements(ctx.sqlite);
  const gone = findCustomer(ctx.sqlite, from);
  const kept = findCustomer(ctx.sqlite, into);
  if (!gone || !kept)
    throw new AppFailure(
      'not_found',
      `Customer ${gone ? into : from} does not exist (it may have been merged already); nothing was merged`,
    );
  const ids = ctx.sqlite.prepare('select id from orders where customer_id = ?').pluck().all(from) as number[];
  reassignCustomerOrders(ctx.sqlite, from, into);
  st.moveKeys.run(into, from);
  st.fillContact.run({ from, into });
  st.deleteCustomer.run(from);
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'customer',
    entityId: into,
    action: 'merge',
    from: String(from),
    to: String(into),
    reason: `merged by hand: ${gone.name}${gone.phone ? ` (${gone.phone})` : ''} is ${kept.name}`,
  });
  if (ids.length) ctx.emit('orders.changed', { ids, reason: 'customer profiles merged' });
  return { into, ordersMoved: ids.length };
}
