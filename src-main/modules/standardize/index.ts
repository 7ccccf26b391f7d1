export { standardizeHandlers } from './standardize.handlers';
export {
  loadStandardizer,
  standardizeOrder,
  matchSku,
  NO_ADDRESS_REASON,
  type Standardizer,
  type Standardized,
} from './order-standardize';
export { standardizeStatements, replaceChanges, listChanges, type ChangeRow } from './standardize.repo';
export { splitChineseAddress, type AddressSplit } from './address-parse';
export { divisionIndex } from './address-division';
export { foldTraditional } from './hant-hans';
export {
  normalizePhone,
  checkPostcode,
  countryCode,
  isMasked,
  regionOf,
  REGION_CODES,
} from './contact-normalize';
