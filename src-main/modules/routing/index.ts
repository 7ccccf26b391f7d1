export { routingHandlers } from './routing.handlers';
export { runRouting, allocateBackorders, type RunResult } from './routing.service';
export type { ServingOrder } from './routing.repo';
export { RATE_COLUMNS } from './rates-csv';
export { carriersList, importRates, saveCarrier, saveRoutingConfig } from './routing-config.service';
