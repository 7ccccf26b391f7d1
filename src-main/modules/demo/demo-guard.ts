import type { CoreContext } from '../../core-context';
import { countOrders } from '../orders';

/**
 * How many orders stand in the way of demo data: every order of a database no demo run has
 * written to (the shop's own, which demo orders must never join, and whose SKUs the demo would
 * reset), none once a demo ran there (a rerun or a larger --orders only tops the demo up).
 */
export function ordersBlockingDemo(ctx: CoreContext): number {
  // Each demo run pins its clock as `demo.anchor.<seed>` (see demo.service.ts anchorFor).
  const demoRan = ctx.sqlite.prepare(`select 1 from settings where key like 'demo.anchor.%' limit 1`).get();
  return demoRan ? 0 : countOrders(ctx, {});
}
