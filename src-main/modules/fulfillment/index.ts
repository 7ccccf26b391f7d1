export { fulfillmentHandlers } from './fulfillment.handlers';
export { trackingProblem, normalizeTracking } from './tracking-patterns';
