import type { PackdeskBridge } from '../../src-shared/contract/bridge';
import type { OpInput, OpName, OpOutput, PushEvent } from '../../src-shared/contract';
import type { OrderDetail, OrderSummary } from '../../src-shared/contract/orders.contract';
import type { Channel, Warehouse } from '../../src-shared/contract/settings.contract';
import { ORDER_STATUSES, manualNext } from '../../src-shared/domain/order-status';
import type { Result } from '../../src-shared/result';

const CHANNELS = [
  { code: 'tmall', name: 'Tmall Flagship' },
  { code: 'pdd', name: 'PDD Store' },
];

/** Order i (0-based): statuses cycle so every filter has rows; newest first by placedAt. */
export function anOrderSummary(i: number): OrderSummary {
  const n = String(i + 1).padStart(5, '0');
  return {
    id: i + 1,
    channel: CHANNELS[i % 2]!.code,
    externalId: `EXT-${n}`,
    status: ORDER_STATUSES[i % ORDER_STATUSES.length]!,
    type: 'online_shop',
    placedAt: new Date(Date.UTC(2025, 2, 1) - i * 60_000).toISOString(),
    currency: 'CNY',
    totalMinor: 12_345 + i,
    recipientName: `Buyer ${n}`,
    province: '浙江省',
    city: '杭州市',
    lineCount: 1 + (i % 3),
    warehouse: null,
    carrier: null,
  };
}

/** Every tenth order ships to the US in the fake; the rest to 浙江 (East China). */
const regionOfFake = (o: OrderSummary): string => (o.id % 10 === 0 ? 'US' : 'cn_east');

export function anOrderDetail(s: OrderSummary): OrderDetail {
  return {
    ...s,
    shippingMinor: 800,
    paymentMethod: 'alipay',
    buyerMessage: null,
    customer: { id: 1, name: s.recipientName, phone: '13800000000' },
    address: {
      country: 'CN',
      province: s.province,
      city: s.city,
      district: '西湖区',
      street: '文三路',
      detail: '100号',
      postcode: '310000',
      raw: '',
      masked: true,
      ambiguous: false,
    },
    lines: [
      { sku: `SKU-${s.id}`, title: `Teapot ${s.id}`, spec: 'Blue', quantity: 2, unitPriceMinor: 4_999 },
    ],
    trackingNumber: null,
    tags: ['vip'],
    reasons: [],
    history: [{ at: s.placedAt, actor: 'import', action: 'create', from: null, to: s.status, reason: null }],
    allowedNext: manualNext(s.status),
  };
}

type Handler<K extends OpName> = (input: OpInput<K>) => Result<OpOutput<K>> | Promise<Result<OpOutput<K>>>;
export type Handlers = { [K in OpName]?: Handler<K> };

export interface FakeBridge extends PackdeskBridge {
  calls: { op: string; input: any }[];
  callsOf(op: OpName): any[];
  emit(event: PushEvent): void;
}

const ok = <T>(value: T) => ({ ok: true as const, value });

/** An in-memory host: enough of the contract for the screens, with every call recorded. */
export function fakeBridge(
  opts: { orders?: number; handlers?: Handlers; locales?: string[] } = {},
): FakeBridge {
  const orders = Array.from({ length: opts.orders ?? 50 }, (_, i) => anOrderSummary(i));
  const listeners = new Set<(e: PushEvent) => void>();
  const warehouses: Warehouse[] = [
    {
      id: 1,
      code: 'HZ-01',
      name: 'Hangzhou main',
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: '',
      address: '',
      contactName: 'Li',
      phone: '',
      active: true,
    },
  ];
  const channels: Channel[] = CHANNELS.map((c, i) => ({
    id: i + 1,
    ...c,
    kind: 'taobao',
    currency: 'CNY',
    enabled: true,
    orderCount: 0,
    watchFolder: null,
  }));

  const matching = (f: any = {}) =>
    orders.filter(
      (o) =>
        (!f.status?.length || f.status.includes(o.status)) &&
        (!f.channel?.length || f.channel.includes(o.channel)) &&
        (!f.region?.length || f.region.includes(regionOfFake(o))) &&
        (!f.search || o.externalId.includes(f.search) || o.recipientName.includes(f.search)),
    );

  const defaults: Handlers = {
    'orders.count': ({ filter }) => ok({ total: matching(filter).length }),
    'orders.list': ({ filter, offset = 0, limit = 100 }) =>
      ok({ rows: matching(filter).slice(offset, offset + limit) }),
    'orders.facets': () =>
      ok({
        status: Object.fromEntries(
          ORDER_STATUSES.map((s) => [s, orders.filter((o) => o.status === s).length]),
        ),
        channel: CHANNELS.map((c) => ({ ...c, count: orders.filter((o) => o.channel === c.code).length })),
        region: ['cn_east', 'US']
          .map((code) => ({ code, count: orders.filter((o) => regionOfFake(o) === code).length }))
          .filter((r) => r.count > 0),
      }),
    'orders.get': ({ id }) => {
      const s = orders.find((o) => o.id === id);
      return s
        ? ok(anOrderDetail(s))
        : { ok: false, error: { code: 'not_found', message: `No order ${id}` } };
    },
    'orders.transition': ({ ids, to }) => {
      for (const o of orders) if (ids.includes(o.id)) o.status = to;
      return ok({ changed: ids });
    },
    // The channel sync screen's outbound queue: empty unless a test says otherwise.
    'outbox.list': () =>
      ok({
        rows: [],
        counts: { queued: 0, running: 0, done: 0, failed: 0, dead: 0, export: 0 },
        exportable: [],
        offline: null,
      }),
    'settings.get': () => ok({ values: {} }),
    'settings.supervisorPin.status': () => ok({ set: false }),
    'boxes.list': () => ok({ rows: [] }),
    'waybill.accounts.list': () =>
      ok({ rows: [], secretStore: { available: true, backend: 'keychain', reason: null } }),
    'settings.set': ({ key }) => ok({ key }),
    'warehouses.list': () => ok({ rows: warehouses }),
    'folders.status': () => ok({ folders: [] }),
    'warehouses.save': (w) => ok({ ...warehouses[0]!, ...w, id: w.id ?? 2 } as Warehouse),
    'channels.list': () => ok({ rows: channels }),
    'channels.save': (c) => ok({ ...channels[0]!, ...c, id: c.id ?? 3 } as Channel),
  };
  const handlers: Handlers = { ...defaults, ...opts.handlers };
  const calls: { op: string; input: any }[] = [];

  return {
    host: 'electron',
    locales: opts.locales ?? ['en-US'],
    calls,
    callsOf: (op) => calls.filter((c) => c.op === op).map((c) => c.input),
    async call(op, input) {
      calls.push({ op, input });
      const h = handlers[op as OpName] as ((i: unknown) => Result<unknown>) | undefined;
      if (!h) return { ok: false, error: { code: 'unknown_operation', message: op } };
      return h(input);
    },
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(e) {
      for (const l of listeners) l(e);
    },
  };
}
