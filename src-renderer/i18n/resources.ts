import enShell from './en/shell.json';
import enOrders from './en/orders.json';
import enSettings from './en/settings.json';
import enReview from './en/review.json';
import enInventory from './en/inventory.json';
import enIntake from './en/intake.json';
import enSync from './en/sync.json';
import enPrinting from './en/printing.json';
import enPacking from './en/packing.json';
import enPicking from './en/picking.json';
import enWaybill from './en/waybill.json';
import zhShell from './zh-CN/shell.json';
import zhOrders from './zh-CN/orders.json';
import zhSettings from './zh-CN/settings.json';
import zhReview from './zh-CN/review.json';
import zhInventory from './zh-CN/inventory.json';
import zhIntake from './zh-CN/intake.json';
import zhSync from './zh-CN/sync.json';
import zhPrinting from './zh-CN/printing.json';
import zhPacking from './zh-CN/packing.json';
import zhPicking from './zh-CN/picking.json';
import zhWaybill from './zh-CN/waybill.json';

/**
 * Translations, one file per screen family and language, so each feature edits its own file.
 * Every file holds whole top-level sections, so joining them is a plain merge.
 */
export const en = {
  ...enShell,
  ...enOrders,
  ...enSettings,
  ...enReview,
  ...enInventory,
  ...enIntake,
  ...enSync,
  ...enPrinting,
  ...enPacking,
  ...enPicking,
  ...enWaybill,
};
export const zhCN = {
  ...zhShell,
  ...zhOrders,
  ...zhSettings,
  ...zhReview,
  ...zhInventory,
  ...zhIntake,
  ...zhSync,
  ...zhPrinting,
  ...zhPacking,
  ...zhPicking,
  ...zhWaybill,
};
