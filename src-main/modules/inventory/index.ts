export { inventoryHandlers, type InventoryDeps } from './inventory.handlers';
export {
  moveStock,
  releaseOrderReservations,
  reservationWriter,
  orderReference,
  stockLevel,
  type ReservationWriter,
} from './inventory.service';
export { listWarehouses, findWarehouseByCode, insertWarehouse } from './warehouses.repo';
export { raiseBackorderAlert, resolveBackorderAlert, checkLowStock } from './alerts.service';
export { receiveStock, transferStock, adjustStock } from './stock.service';
export { openReservations } from './inventory.repo';
