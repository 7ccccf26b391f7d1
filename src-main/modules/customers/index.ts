export { findOrCreateCustomer, type CustomerValues } from './customers.repo';
