import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { Warehouse } from '../../../src-shared/contract/settings.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { findWarehouse, findWarehouseByCode, insertWarehouse, listWarehouses, updateWarehouse, type WarehouseRow } from './warehouses.repo';

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

export const inventoryHandlers = (ctx: CoreContext) =>
  ({
    'warehouses.list': () => ({ rows: listWarehouses(ctx.db).map(toWarehouse) }),
    'warehouses.save': (input, call) => {
      const { id, ...values } = input;
      const sameCode = findWarehouseByCode(ctx.db, values.code);
      if (sameCode && sameCode.id !== id) {
        throw new AppFailure('conflict', `Warehouse code "${values.code}" is already used by "${sameCode.name}"`, [
          { path: 'code', message: 'is already used' },
        ]);
      }
      let row: WarehouseRow;
      if (id === undefined) row = insertWarehouse(ctx.db, values, ctx.now());
      else {
        if (!findWarehouse(ctx.db, id)) throw new AppFailure('not_found', `Warehouse ${id} does not exist`);
        row = updateWarehouse(ctx.db, id, values, ctx.now());
      }
      recordAudit(ctx.db, { at: ctx.now(), actor: call.actor, entity: 'warehouse', entityId: row.id, action: id ? 'edit' : 'create', data: values });
      ctx.emit('settings.changed', { what: 'warehouses' });
      return toWarehouse(row);
    },
  }) satisfies Partial<Handlers>;
