export {
  findOrCreateCustomer,
  customerStatements,
  FILLED_FROM_USUAL,
  type CustomerValues,
  type CustomerStatements,
  type UsualAddress,
} from './customers.repo';
export { linkCustomer, usualAddress, type CustomerFacts, KeyCache, type LinkResult } from './customer-link';
export { customersHandlers } from './customers.handlers';
export { rfmSegment } from './customers.service';
