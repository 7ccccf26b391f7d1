/**
 * The warehouse floor after routing: waves (allocated → picking, one tote slot per order),
 * pick scans, short picks (shortage written off pending a count, orders re-routed: re-allocated
 * elsewhere or backordered), packing
 * with scan verification (picking → packed, label and packing slip queued) and ship
 * confirmation (packed → shipped, ledger reservation → shipment, channel push queued in `jobs`).
 */
export { fulfillmentHandlers } from './fulfillment.handlers';
export {
  canonicalCarrier,
  trackingProblem,
  normalizeTracking,
} from '../../../src-shared/domain/tracking-patterns';
