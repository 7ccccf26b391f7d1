export { routingHandlers } from './routing.handlers';
export { runRouting, allocateBackorders, type RunResult } from './routing.service';
export { RATE_COLUMNS } from './rates-csv';
