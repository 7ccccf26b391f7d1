export { upsertSku, type SkuValues } from './catalog.repo';
