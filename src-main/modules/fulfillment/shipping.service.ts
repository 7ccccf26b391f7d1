import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { moveStock, openReservations, orderReference } from '../inventory';
import { setOrderTracking, transitionOrder } from '../orders';
import {
  enqueueOutboxJob,
  externalIdOf,
  findShipment,
  insertShipment,
  orderStatusOf,
  packedCounts,
} from './fulfillment.repo';
import { resolveOrder } from './packing.service';
import { normalizeTracking, trackingProblem } from '../../../src-shared/domain/tracking-patterns';

/**
 * Ship confirmation, all or nothing (the caller's transaction rolls back on the first refusal,
 * which names its order). Per order: carrier and tracking number recorded, reservation turned
 * into a shipment in the ledger (reserved and on-hand both drop, available stays), status
 * packed → shipped, and one outbox job to push the number to the channel. Confirming the same
 * parcel again finds it shipped with the same number and does nothing.
 */
export function confirmShipment(
  ctx: CoreContext,
  input: { orderIds?: number[]; scan?: string; carrier: string; trackingNumber: string },
  actor: string,
) {
  const carrier = input.carrier.trim().toUpperCase();
  const tracking = normalizeTracking(input.trackingNumber);
  const problem = trackingProblem(carrier, tracking);
  if (problem) throw new AppFailure('invalid_input', problem, [{ path: 'trackingNumber', message: problem }]);
  const ids = input.orderIds ? [...new Set(input.orderIds)] : [resolveShipScan(ctx, input.scan ?? '')];
  const shipped: number[] = [];
  const unchanged: number[] = [];
  let jobsQueued = 0;
  for (const orderId of ids) {
    const status = orderStatusOf(ctx.sqlite, orderId);
    if (!status) throw new AppFailure('not_found', `Nothing was shipped: order ${orderId} does not exist`);
    const existing = findShipment(ctx.sqlite, orderId);
    if (existing) {
      if (existing.carrier === carrier && existing.trackingNumber === tracking) {
        unchanged.push(orderId);
        continue;
      }
      throw new AppFailure(
        'conflict',
        `Nothing was shipped: order ${orderId} already shipped with ${existing.carrier} ${existing.trackingNumber}`,
      );
    }
    if (status !== 'packed')
      throw new AppFailure(
        'conflict',
        `Nothing was shipped: order ${orderId} is ${status}; only packed orders can be shipped`,
      );
    const now = ctx.now();
    const reference = orderReference(orderId);
    // A parcel a supervisor let go short ships what was scanned into it; the rest stays on the shelf.
    const packedQty = packedCounts(ctx.sqlite, orderId);
    for (const r of openReservations(ctx.sqlite, reference)) {
      const out = packedQty ? Math.min(r.reserved, packedQty.get(r.skuId) ?? 0) : r.reserved;
      if (out > 0)
        moveStock(ctx, {
          warehouseId: r.warehouseId,
          skuId: r.skuId,
          kind: 'ship',
          reservedDelta: -out,
          onHandDelta: -out,
          reference,
          reason: `shipped ${carrier} ${tracking}`,
          actor,
        });
      if (r.reserved > out)
        moveStock(ctx, {
          warehouseId: r.warehouseId,
          skuId: r.skuId,
          kind: 'release',
          reservedDelta: -(r.reserved - out),
          reference,
          reason: `not in the parcel (packed short with a supervisor override)`,
          actor,
        });
    }
    setOrderTracking(ctx.sqlite, orderId, carrier, tracking, now);
    insertShipment(ctx.sqlite, { orderId, carrier, trackingNumber: tracking, actor, now });
    transitionOrder(ctx, orderId, 'shipped', actor, `${carrier} ${tracking}`);
    if (
      enqueueOutboxJob(ctx.sqlite, {
        kind: 'channel.pushTracking',
        key: `push-tracking:${orderId}:${tracking}`,
        payload: {
          orderId,
          externalId: externalIdOf(ctx.sqlite, orderId),
          carrier,
          trackingNumber: tracking,
        },
        now,
      })
    )
      jobsQueued += 1;
    shipped.push(orderId);
  }
  if (shipped.length) ctx.emit('orders.changed', { ids: shipped, reason: 'shipped' });
  return { shipped, unchanged, jobsQueued };
}

/**
 * A carrier's file applied at once: each row is one confirmation as above, all in the caller's
 * transaction. Every row is tried so the desk sees every bad row in one go (issues rows.<index>);
 * if any is refused, the whole file is refused and nothing ships.
 */
export function confirmShipmentRows(
  ctx: CoreContext,
  rows: { reference: string; carrier: string; trackingNumber: string }[],
  actor: string,
) {
  const total = { shipped: [] as number[], unchanged: [] as number[], jobsQueued: 0 };
  const issues: { path: string; message: string }[] = [];
  let allInput = true;
  rows.forEach((row, i) => {
    try {
      const r = confirmShipment(
        ctx,
        { scan: row.reference, carrier: row.carrier, trackingNumber: row.trackingNumber },
        actor,
      );
      total.shipped.push(...r.shipped);
      total.unchanged.push(...r.unchanged);
      total.jobsQueued += r.jobsQueued;
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
      if (e.code !== 'invalid_input') allInput = false;
      issues.push({ path: `rows.${i}`, message: e.message.replace(/^Nothing was shipped: /, '') });
    }
  });
  if (issues.length)
    throw new AppFailure(
      allInput ? 'invalid_input' : 'conflict',
      `Nothing was shipped: ${issues.length} of ${rows.length} rows cannot be confirmed (row ${
        Number(issues[0]!.path.slice(5)) + 1
      }: ${issues[0]!.message})`,
      issues,
    );
  return total;
}

/** A scan at the shipping desk names a packed order (or, repeated, the shipped one). */
function resolveShipScan(ctx: CoreContext, code: string): number {
  try {
    return resolveOrder(ctx, code, 'packed');
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'conflict') {
      try {
        return resolveOrder(ctx, code, 'shipped');
      } catch {
        throw e;
      }
    }
    throw e;
  }
}
