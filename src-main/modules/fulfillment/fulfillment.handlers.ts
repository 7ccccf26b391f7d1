import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { completePacking, openPacking, packScan } from './packing.service';
import { pickScan } from './picking.service';
import { pickShort } from './short-pick.service';
import { confirmShipment, confirmShipmentRows } from './shipping.service';
import { createWave, getWave, listWaves, previewWave } from './waves.service';

export const fulfillmentHandlers = (ctx: CoreContext) =>
  ({
    'waves.create': (input, call) => createWave(ctx, input, call.actor),
    'waves.preview': (input) => previewWave(ctx, input),
    'waves.get': ({ id }) => getWave(ctx, id),
    'waves.list': ({ limit }) => ({ rows: listWaves(ctx, limit) }),
    'picking.scan': (input) => pickScan(ctx, input),
    'picking.short': (input, call) => pickShort(ctx, input, call.actor),
    'packing.open': ({ code }, call) => openPacking(ctx, code, call.actor),
    'packing.scan': (input) => packScan(ctx, input),
    'packing.complete': (input, call) => completePacking(ctx, input, call.actor),
    'shipping.confirm': (input, call) => confirmShipment(ctx, input, call.actor),
    'shipping.confirmRows': ({ rows }, call) => confirmShipmentRows(ctx, rows, call.actor),
  }) satisfies Partial<Handlers>;
