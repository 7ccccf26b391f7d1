import type { CoreContext } from '../../core-context';
import type { PrintJob } from '../../../src-shared/contract/printing.contract';
import {
  waybillPlatformFor,
  type OrderWaybill,
  type Waybill,
  type WaybillPlatform,
} from '../../../src-shared/contract/waybill.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { setOrderTracking } from '../orders';
import { enqueueWaybill, findJobByKey, findPrinter, listPrinters, reprint, toJob } from '../printing';
import { PLATFORM_NAME } from './waybill-accounts.service';
import { DOUYIN_PARAMS_OF } from './douyin-print-params';
import {
  accountFor,
  attachNewAccounts,
  carrierHasAccount,
  findAccount,
  insertWaybill,
  liveWaybillOf,
  markCancelled,
  markCancelling,
  orderForWaybill,
  ordersWithoutWaybill,
  setPrintWhenReady,
  strandedWaybills,
  waybillsOf,
  type WaybillRow,
} from './waybill.repo';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const toWaybill = (r: WaybillRow): Waybill => ({
  id: r.id,
  orderId: r.orderId,
  carrier: r.carrier,
  platform: r.platform as Waybill['platform'],
  cpCode: r.cpCode,
  waybillCode: r.waybillCode,
  parentWaybillCode: r.parentWaybillCode,
  state: r.state as Waybill['state'],
  accountMissing: r.accountId === null,
  printWhenReady: r.printWhenReady,
  attempts: r.attempts,
  nextRunAt: iso(r.nextRunAt),
  lastError: r.lastError,
  createdAt: new Date(r.createdAt).toISOString(),
  fetchedAt: iso(r.fetchedAt),
  cancelledAt: iso(r.cancelledAt),
});

/** The print component that prints a platform's waybills: each platform's numbers through its own. */
const COMPONENT_KIND: Record<WaybillPlatform, string> = {
  cainiao: 'cainiao_ws',
  pdd: 'pdd_ws',
  douyin: 'douyin_ws',
};

const platformName = (p: string) => PLATFORM_NAME[p as WaybillPlatform] ?? p;

/** Why an order has no number: its platform has no account for its carrier (a person adds one). */
export function missingAccount(carrier: string, platform: string): string {
  const name = platformName(platform);
  const why =
    platform === 'cainiao'
      ? `only a ${name} account can issue numbers for orders from this channel`
      : `${name} orders carry encrypted recipients that only ${name}'s own e-waybills can print`;
  return `needs a ${name} e-waybill account for ${carrier}: ${why}; add one in Settings → E-waybill accounts`;
}

/** The live row planned for an order of this platform and carrier (failed when it has no account). */
function newWaybill(
  ctx: CoreContext,
  v: { orderId: number; carrier: string; platform: string; accountId: number | null },
): void {
  const a = v.accountId === null ? undefined : findAccount(ctx.sqlite, v.accountId);
  insertWaybill(ctx.sqlite, {
    orderId: v.orderId,
    accountId: a?.id ?? null,
    carrier: v.carrier,
    platform: v.platform,
    cpCode: a?.cpCode ?? v.carrier,
    now: ctx.now(),
    ...(!a && { error: missingAccount(v.carrier, v.platform) }),
  });
}

const jobKey = (code: string) => `waybill:${code}`;

/**
 * Keeps `waybills` in step with the orders, in one transaction: every order routed to a carrier
 * with an active account gets a row from the account of its own platform (PDD orders → Pinduoduo,
 * Douyin → Douyin, the rest → Cainiao), pending so the worker fetches it ahead of packing, or
 * failed naming the account that is missing; a failed row takes such an account once it exists.
 * A number whose order was cancelled, moved to another carrier or needs another platform is given
 * back ('cancelling'), and a row that never got a number is closed. Returns the orders it touched.
 */
export function planWaybills(ctx: CoreContext): number[] {
  const now = ctx.now();
  const touched: number[] = attachNewAccounts(ctx.sqlite, now);
  for (const w of strandedWaybills(ctx.sqlite)) {
    // A pending row with attempts sent a request whose answer never came: the platform may hold a
    // number for it, so it is given back like an issued one (the worker learns it first).
    if (w.waybillCode || (w.state === 'pending' && w.attempts > 0)) markCancelling(ctx.sqlite, w.id, now);
    else
      markCancelled(
        ctx.sqlite,
        w.id,
        now,
        'the order was cancelled or moved to another carrier before a number came',
      );
    touched.push(w.orderId);
  }
  for (const o of ordersWithoutWaybill(ctx.sqlite)) {
    newWaybill(ctx, o);
    touched.push(o.orderId);
  }
  if (touched.length) ctx.emit('waybills.changed', { orderIds: [...new Set(touched)] });
  return touched;
}

/**
 * The component's contents[0]: the platform's print data as issued. Douyin's also needs `params`,
 * a signed logistics.getShopKey query holding the shop's access token and a timestamp the
 * platform checks: it is signed when the job is sent (douyin-print-params.ts), never stored, so
 * the queued job only names the account whose credentials sign it.
 */
function waybillContent(w: WaybillRow): Record<string, unknown> {
  const content = JSON.parse(w.printData!) as Record<string, unknown>;
  if (w.platform === 'douyin') content[DOUYIN_PARAMS_OF] = w.accountId;
  return content;
}

/**
 * Queues one print task for the number (one document per task, as Cainiao's doc recommends, so a
 * failed task never reprints others) and records the number as the order's tracking number, so
 * the ship desk confirms the parcel by scanning the label. The same number is never queued twice.
 */
export function printWaybill(
  ctx: CoreContext,
  w: WaybillRow,
  actor: string,
): { jobId: number; created: boolean } {
  if (w.state !== 'active' || !w.waybillCode || !w.printData)
    throw new AppFailure('conflict', `Order ${w.orderId} has no e-waybill number yet`);
  const kind = COMPONENT_KIND[w.platform as WaybillPlatform];
  const printer = listPrinters(ctx.db).find((p) => p.active && p.kind === kind);
  setOrderTracking(ctx.sqlite, w.orderId, w.carrier, w.waybillCode, ctx.now());
  if (!printer)
    throw new AppFailure(
      'conflict',
      `No ${platformName(w.platform)} print component is set up; add one in Settings → Printers, then reprint e-waybill ${w.waybillCode}`,
    );
  const r = enqueueWaybill(
    ctx,
    {
      orderId: w.orderId,
      printerId: printer.id,
      documents: [{ documentID: w.waybillCode, contents: [waybillContent(w)] }],
    },
    actor,
  );
  setPrintWhenReady(ctx.sqlite, w.id, false, ctx.now());
  return { jobId: r.job.id, created: r.created };
}

/**
 * "Pack complete" for an order whose carrier has an e-waybill account: its label is its own
 * platform's, never Packdesk's (the recipient is masked; only the platform can print it) — and
 * never another platform's: a PDD order without a Pinduoduo account gets a warning, no label.
 * With a number: queue it. Without one yet: mark it to print the moment the number arrives.
 * `platform` false = not a platform-label order: the bench prints Packdesk's label as before.
 */
export function waybillAtPack(
  ctx: CoreContext,
  orderId: number,
  actor: string,
): { platform: boolean; printJobs: { document: string; jobId: number }[]; warnings: string[] } {
  const order = orderForWaybill(ctx.sqlite, orderId);
  if (!order?.carrier || !carrierHasAccount(ctx.sqlite, order.carrier))
    return { platform: false, printJobs: [], warnings: [] };
  const carrier = order.carrier;
  const platform = waybillPlatformFor(order.channelKind);
  // Only this order is planned here (the worker plans the rest): pack complete stays quick.
  let w = liveWaybillOf(ctx.sqlite, orderId);
  if (w && (w.carrier !== carrier || w.platform !== platform)) {
    // Rerouted since the worker last looked: that number goes back, this carrier's is needed.
    if (w.waybillCode) markCancelling(ctx.sqlite, w.id, ctx.now());
    else
      markCancelled(ctx.sqlite, w.id, ctx.now(), 'the order moved to another carrier before a number came');
    w = undefined;
  }
  if (!w) {
    const account = accountFor(ctx.sqlite, carrier, platform);
    newWaybill(ctx, { orderId, carrier, platform, accountId: account?.id ?? null });
    w = liveWaybillOf(ctx.sqlite, orderId)!;
  }
  if (w.state === 'active') {
    try {
      const r = printWaybill(ctx, w, actor);
      return { platform: true, printJobs: [{ document: 'waybill', jobId: r.jobId }], warnings: [] };
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
      return { platform: true, printJobs: [], warnings: [`e-waybill not queued: ${e.message}`] };
    }
  }
  setPrintWhenReady(ctx.sqlite, w.id, true, ctx.now());
  ctx.emit('waybills.changed', { orderIds: [orderId] });
  const why =
    w.state === 'failed' && w.accountId === null
      ? `it ${w.lastError ?? missingAccount(carrier, platform)}`
      : w.state === 'failed'
        ? `it could not be fetched (${w.lastError ?? 'no reason given'}); fix that and press "Fetch now" in the order`
        : w.lastError
          ? `still waiting (${w.lastError})`
          : 'still being fetched';
  return {
    platform: true,
    printJobs: [],
    warnings: [
      `e-waybill for ${carrier} has no number yet: ${why}. It prints by itself as soon as the number arrives; no Packdesk label was printed`,
    ],
  };
}

/** The worker got a number for an order already packed and waiting: print it now. */
export function printOnArrival(ctx: CoreContext, w: WaybillRow): void {
  if (!w.printWhenReady) return;
  const order = orderForWaybill(ctx.sqlite, w.orderId);
  if (order?.status !== 'packed') return;
  try {
    printWaybill(ctx, w, 'waybill');
    recordAudit(ctx.db, {
      at: ctx.now(),
      actor: 'waybill',
      entity: 'order',
      entityId: w.orderId,
      action: 'waybill_printed_on_arrival',
      reason: `${w.carrier} ${w.waybillCode}`,
    });
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e;
    ctx.emit('alert', { level: 'warning', message: `Order ${w.orderId}: ${e.message}` });
  }
}

function lastJob(ctx: CoreContext, code: string | null): PrintJob | null {
  if (!code) return null;
  const j = findJobByKey(ctx.db, jobKey(code));
  return j ? toJob(j, findPrinter(ctx.db, j.printerId)?.name ?? '') : null;
}

export function orderWaybill(ctx: CoreContext, orderId: number): OrderWaybill {
  const order = orderForWaybill(ctx.sqlite, orderId);
  if (!order) throw new AppFailure('not_found', `Order ${orderId} does not exist`);
  const rows = waybillsOf(ctx.sqlite, orderId);
  const live = rows.find((r) => ['pending', 'active', 'failed'].includes(r.state)) ?? null;
  return {
    orderId,
    platformLabel: !!(order.carrier && carrierHasAccount(ctx.sqlite, order.carrier)),
    carrier: order.carrier,
    current: live ? toWaybill(live) : null,
    history: rows.filter((r) => r !== live).map(toWaybill),
    printJob: lastJob(ctx, live?.waybillCode ?? null),
  };
}

/** A deliberate second copy of the e-waybill (or the first, when it was never queued). */
export function reprintWaybill(ctx: CoreContext, orderId: number, reason: string, actor: string): PrintJob {
  const w = liveWaybillOf(ctx.sqlite, orderId);
  if (!w || w.state !== 'active' || !w.waybillCode)
    throw new AppFailure('conflict', `Order ${orderId} has no e-waybill number to print; fetch one first`);
  const first = findJobByKey(ctx.db, jobKey(w.waybillCode));
  if (first) return reprint(ctx, { jobId: first.id, reason }, actor);
  printWaybill(ctx, w, actor);
  return lastJob(ctx, w.waybillCode)!;
}
