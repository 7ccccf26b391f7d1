export { runDemo, type DemoOptions, type DemoSummary } from './demo.service';
export { demoOrder, catalogPicks, chronological, type DemoOrder } from './demo-orders';
export { demoCatalog, ean13 } from './demo-catalog';
export { DEMO_CHANNELS } from './demo-channels';
export { DEMO_WAREHOUSES } from './demo-data';
