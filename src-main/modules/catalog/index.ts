export { catalogHandlers } from './catalog.handlers';
export {
  upsertSku,
  findSkuByCode,
  barcodeOwner,
  isBundle,
  replaceComponents,
  type SkuValues,
  type SkuRow,
} from './catalog.repo';
export {
  listSkus,
  saveSku,
  catalogSnapshot,
  stockNeeds,
  attributesOf,
  type CatalogSnapshot,
} from './catalog.service';
