import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { Warehouse } from '../../../src-shared/contract/settings.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { listSkus, saveSku } from '../catalog';
import {
  findWarehouse,
  findWarehouseByCode,
  insertWarehouse,
  listWarehouses,
  updateWarehouse,
  type WarehouseRow,
} from './warehouses.repo';
import { assignSkuBin, listBinsView, saveBins } from './bins.service';
import { checkLowStock } from './alerts.service';
import { levelsOfSkus } from './stock-queries.repo';
import {
  adjustStock,
  checkStocktake,
  countMark,
  postStocktake,
  receiveStock,
  setStockThreshold,
  stockAlerts,
  stockLedger,
  stockLevels,
  transferStock,
} from './stock.service';

const toWarehouse = (r: WarehouseRow): Warehouse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  country: r.country,
  province: r.province,
  city: r.city,
  district: r.district,
  address: r.address,
  contactName: r.contactName,
  phone: r.phone,
  active: r.active,
});

export interface InventoryDeps {
  /**
   * Given by compose (routing sits above inventory): allocates backordered orders that the
   * stock which just arrived can now fill. Returns the ids it allocated.
   */
  allocateBackorders?: (skuCodes: string[], actor: string) => number[];
}

export const inventoryHandlers = (ctx: CoreContext, deps: InventoryDeps = {}) => {
  const afterArrival = (skus: string[], actor: string): number[] =>
    deps.allocateBackorders?.(skus, actor) ?? [];
  return {
    'warehouses.list': () => ({ rows: listWarehouses(ctx.db).map(toWarehouse) }),
    'warehouses.save': (input, call) => {
      const { id, ...values } = input;
      const sameCode = findWarehouseByCode(ctx.db, values.code);
      if (sameCode && sameCode.id !== id) {
        throw new AppFailure(
          'conflict',
          `Warehouse code "${values.code}" is already used by "${sameCode.name}"`,
          [{ path: 'code', message: 'is already used' }],
        );
      }
      let row: WarehouseRow;
      if (id === undefined) row = insertWarehouse(ctx.db, values, ctx.now());
      else {
        if (!findWarehouse(ctx.db, id)) throw new AppFailure('not_found', `Warehouse ${id} does not exist`);
        row = updateWarehouse(ctx.db, id, values, ctx.now());
      }
      recordAudit(ctx.db, {
        at: ctx.now(),
        actor: call.actor,
        entity: 'warehouse',
        entityId: row.id,
        action: id ? 'edit' : 'create',
        data: values,
      });
      ctx.emit('settings.changed', { what: 'warehouses' });
      return toWarehouse(row);
    },
    'skus.list': (input) => listSkus(ctx, input),
    'skus.save': (input, call) => {
      const saved = saveSku(ctx, input, call.actor);
      // Its safety stock is the threshold wherever no warehouse overrides it: alerts follow a change.
      checkLowStock(ctx, levelsOfSkus(ctx.sqlite, [saved.id]));
      return saved;
    },
    'bins.list': ({ warehouse }) => ({ rows: listBinsView(ctx, warehouse) }),
    'bins.save': (input, call) => saveBins(ctx, input, call.actor),
    'bins.assign': (input, call) => assignSkuBin(ctx, input, call.actor),
    'inventory.levels': (input) => stockLevels(ctx, input),
    'inventory.ledger': (input) => stockLedger(ctx, input),
    'inventory.alerts': (input) => stockAlerts(ctx, input),
    'inventory.receive': (input, call) => {
      const levels = receiveStock(ctx, input, call.actor);
      return {
        levels,
        allocatedOrders: afterArrival(
          input.lines.map((l) => l.sku),
          call.actor,
        ),
      };
    },
    'inventory.adjust': (input, call) => {
      const levels = adjustStock(ctx, input, call.actor);
      return { levels, allocatedOrders: input.delta > 0 ? afterArrival([input.sku], call.actor) : [] };
    },
    'inventory.transfer': (input, call) => {
      const levels = transferStock(ctx, input, call.actor);
      return { levels, allocatedOrders: afterArrival([input.sku], call.actor) };
    },
    'inventory.countMark': (input) => countMark(ctx, input),
    'inventory.stocktakeCheck': (input) => checkStocktake(ctx, input),
    'inventory.stocktake': (input, call) => {
      const out = postStocktake(ctx, input, call.actor);
      const found = out.differences.filter((d) => d.delta > 0).map((d) => d.sku);
      return { ...out, allocatedOrders: found.length ? afterArrival(found, call.actor) : [] };
    },
    'inventory.threshold': (input) => ({ threshold: setStockThreshold(ctx, input) }),
  } satisfies Partial<Handlers>;
};
