import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { Allocation } from '../../../src-shared/contract/routing.contract';
import { getOrder } from '../orders';
import { decodeAlternatives } from './alternatives-codec';
import {
  carrierRateTable,
  carriersList,
  importRates,
  readRoutingConfig,
  saveCarrier,
  saveRoutingConfig,
} from './routing-config.service';
import { mergeOrders, splitOrder } from './merge-split.service';
import { allocationsOf, linksOf, type AllocationRowDb } from './routing.repo';
import { runRouting } from './routing.service';
import { markLinesPresale } from './presale.service';

const toAllocation = (a: AllocationRowDb): Allocation => ({
  at: new Date(a.at).toISOString(),
  actor: a.actor,
  outcome: a.outcome,
  warehouse: a.warehouse,
  carrier: a.carrier,
  shippingMinor: a.shippingMinor,
  handlingMinor: a.handlingMinor,
  currency: a.currency,
  reasons: JSON.parse(a.reasonsJson) as string[],
  alternatives: decodeAlternatives(a.alternativesJson),
});

export const routingHandlers = (ctx: CoreContext) =>
  ({
    'carriers.list': () => ({ rows: carriersList(ctx) }),
    'carriers.save': (input, call) => {
      const saved = saveCarrier(ctx, input, call.actor);
      ctx.emit('settings.changed', { what: 'settings', key: 'carriers' });
      return saved;
    },
    'rates.import': ({ csv }, call) => {
      const out = importRates(ctx, csv, call.actor);
      ctx.emit('settings.changed', { what: 'settings', key: 'rates' });
      return out;
    },
    'rates.list': ({ carrier }) => carrierRateTable(ctx, carrier),
    'routing.config.get': () => readRoutingConfig(ctx),
    'routing.config.save': (input, call) => {
      const saved = saveRoutingConfig(ctx, input, call.actor);
      ctx.emit('settings.changed', { what: 'settings', key: 'routing.config' });
      return saved;
    },
    'routing.run': ({ ids }, call) => runRouting(ctx, ids, call.actor),
    'routing.explain': ({ id }) => {
      getOrder(ctx, id);
      const all = allocationsOf(ctx.sqlite, id).map(toAllocation);
      return {
        latest: all[0] ?? null,
        history: all.slice(1),
        links: linksOf(ctx.sqlite, id).map((l) =>
          l.sourceOrderId === id
            ? { kind: l.kind, direction: 'into' as const, orderId: l.targetOrderId }
            : { kind: l.kind, direction: 'from' as const, orderId: l.sourceOrderId },
        ),
      };
    },
    'orders.merge': ({ ids }, call) => ({ orderId: mergeOrders(ctx, ids, call.actor) }),
    'orders.presale': (input, call) => markLinesPresale(ctx, input, call.actor),
    'orders.split': ({ id, groups }, call) => ({ orderIds: splitOrder(ctx, id, groups, call.actor) }),
  }) satisfies Partial<Handlers>;
