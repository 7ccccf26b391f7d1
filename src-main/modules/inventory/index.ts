export { inventoryHandlers } from './inventory.handlers';
export { moveStock, releaseOrderReservations, orderReference, stockLevel } from './inventory.service';
export { listWarehouses, findWarehouseByCode, insertWarehouse } from './warehouses.repo';
