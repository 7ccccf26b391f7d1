/** Every table, for drizzle-kit and for typed queries. Each lives in its capability's folder. */
export * from '../../modules/channels/channels.table';
export * from '../../modules/customers/customers.table';
export * from '../../modules/intake/intake.table';
export * from '../../modules/standardize/standardize.table';
export * from '../../modules/catalog/catalog.table';
export * from '../../modules/inventory/inventory.table';
export * from '../../modules/orders/orders.table';
export * from '../../modules/audit/audit.table';
export * from '../../modules/settings/settings.table';
export * from '../../modules/outbox/outbox.table';
export * from '../../modules/routing/routing.table';
export * from '../../modules/review/review.table';
export * from '../../modules/documents/documents.table';
export * from '../../modules/printing/printing.table';
export * from '../../modules/sync/sync.table';
export * from '../../modules/fulfillment/fulfillment.table';
export * from '../../modules/intake/manual-entry.table';
