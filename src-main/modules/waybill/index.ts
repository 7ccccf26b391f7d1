/**
 * Platform e-waybills (电子面单): per-carrier accounts (credentials encrypted), numbers fetched
 * ahead of packing by the WaybillWorker (Cainiao, Pinduoduo and Douyin, each a client behind
 * one interface), printed through the platform's print component at "pack
 * complete", and given back when an order is cancelled or moved to another carrier.
 */
export { waybillHandlers } from './waybill.handlers';
export {
  WaybillWorker,
  DEFAULT_WAYBILL_POLICY,
  type WaybillDeps,
  type WaybillPolicy,
} from './waybill-worker';
export { waybillAtPack, planWaybills } from './waybill.service';
export { activeByCode } from './waybill.repo';
export { withDouyinPrintParams } from './douyin-print-params';
