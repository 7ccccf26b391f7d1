/**
 * The outbox: outgoing effects queued as `jobs` rows before they happen. Today one kind,
 * `channel.pushTracking` (queued by shipping.confirm): pushed to Shopify/WooCommerce through their
 * APIs by the OutboxWorker, or parked in 'export' for channels without an API until the user
 * downloads that channel's bulk-shipping file.
 */
export { outboxHandlers } from './outbox.handlers';
export { OutboxWorker, DEFAULT_OUTBOX_POLICY, type OutboxDeps, type OutboxPolicy } from './outbox-worker';
