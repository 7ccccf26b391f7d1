import { parseArgs } from 'node:util';
import { orderStatus, orderType, type OrderDetail } from '../../../src-shared/contract/orders.contract';
import { formatMajor } from '../../../src-shared/domain/money';
import { must, UsageError, type Command } from '../cli-env';

interface Summary {
  id: number;
  channel: string;
  externalId: string;
  status: string;
  placedAt: string;
  currency: string;
  totalMinor: number;
  customer: { name: string };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2026-11-22 10:00" in this machine's local time, as the order queue shows it: the UTC of the
 * ISO string cut short read as a wrong hour (an order placed 10:00 in Beijing listed at 02:00).
 */
function localTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

export const ordersCommand: Command = {
  name: 'orders',
  usage:
    'orders list [--status S] [--channel C] [--type T] [--region R] [--search TEXT] [--limit N] | orders show ID',
  summary: 'list the order queue or show one order',
  async run(args, env) {
    const [sub, ...rest] = args;
    const core = env.core();
    if (sub === 'list') {
      const { values } = parseArgs({
        args: rest,
        options: {
          status: { type: 'string', multiple: true },
          channel: { type: 'string', multiple: true },
          type: { type: 'string', multiple: true },
          // Customer region: cn_east, cn_south… on the mainland, the country code (US) abroad.
          region: { type: 'string', multiple: true },
          search: { type: 'string' },
          limit: { type: 'string', default: '50' },
        },
      });
      const statuses = (values.status ?? []).flatMap((s) => s.split(','));
      for (const s of statuses) {
        if (!orderStatus.safeParse(s).success)
          throw new UsageError(`unknown status "${s}"; one of: ${orderStatus.options.join(', ')}`);
      }
      const types = (values.type ?? []).flatMap((s) => s.split(','));
      for (const t of types) {
        if (!orderType.safeParse(t).success)
          throw new UsageError(`unknown order type "${t}"; one of: ${orderType.options.join(', ')}`);
      }
      const regions = (values.region ?? []).flatMap((s) => s.split(','));
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError(`--limit must be a positive whole number`);
      const ids: number[] = [];
      const filter = {
        ...(statuses.length ? { status: statuses } : {}),
        ...(values.channel ? { channel: values.channel } : {}),
        ...(types.length ? { type: types } : {}),
        ...(regions.length ? { region: regions } : {}),
        ...(values.search ? { search: values.search } : {}),
      };
      // Pages of 500 through the same contract the UI uses, so the CLI sees what the queue shows.
      while (ids.length < limit) {
        const page = await must<{ rows: { id: number }[] }>(
          core.call(
            'orders.list',
            { filter, offset: ids.length, limit: Math.min(500, limit - ids.length) },
            { actor: 'cli' },
          ),
        );
        ids.push(...page.rows.map((r) => r.id));
        if (page.rows.length === 0 || page.rows.length < Math.min(500, limit)) break;
      }
      const details: Summary[] = [];
      for (const id of ids)
        details.push(await must<Summary>(core.call('orders.get', { id }, { actor: 'cli' })));
      // A full page may hide the rest of the queue: say how much, so 50 rows are not taken for all.
      const total =
        !env.json && ids.length === limit
          ? (await must<{ total: number }>(core.call('orders.count', { filter }, { actor: 'cli' }))).total
          : ids.length;
      env.print(details, () =>
        [
          ...details.map(
            (o) =>
              `${String(o.id).padStart(7)}  ${o.channel.padEnd(12)} ${o.externalId.padEnd(22)} ${o.status.padEnd(15)} ${localTime(o.placedAt)}  ${formatMajor(o.totalMinor, o.currency).padStart(10)} ${o.currency}`,
          ),
          ...(details.length ? [] : ['(no orders)']),
          ...(total > ids.length
            ? [`(the first ${ids.length} of ${total} orders; --limit N shows more)`]
            : []),
        ].join('\n'),
      );
      return 0;
    }
    if (sub === 'show') {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id < 1)
        throw new UsageError('orders show needs an order id (a positive whole number)');
      if (rest.length > 1) throw new UsageError(`orders show takes one order id, got "${rest.join(' ')}"`);
      const o = await must<OrderDetail>(core.call('orders.get', { id }, { actor: 'cli' }));
      // What standardisation changed (before → after), as the order drawer shows it.
      const { rows: changes } = await must<{
        rows: { field: string; before: string; after: string; reason: string }[];
      }>(core.call('standardize.changes', { orderId: id }, { actor: 'cli' }));
      const shipping = [
        o.warehouse && `warehouse ${o.warehouse}`,
        o.carrier && `carrier ${o.carrier}`,
        o.trackingNumber && `tracking ${o.trackingNumber}`,
      ].filter(Boolean);
      env.print({ ...o, changes }, () =>
        [
          `Order ${o.id}  ${o.channel} ${o.externalId}  [${o.status}]${o.tags.length ? `  tags: ${o.tags.join(', ')}` : ''}`,
          `Placed ${localTime(o.placedAt)}  total ${formatMajor(o.totalMinor, o.currency)} ${o.currency}`,
          `Ship to ${o.customer.name}  ${o.address.raw}`,
          ...(shipping.length ? [`  ${shipping.join('  ')}`] : []),
          ...o.lines.map((l) => `  ${l.quantity} × ${l.sku || '(no SKU)'}  ${l.title} ${l.spec}`.trimEnd()),
          // Why it is where it is: review and routing reasons, unknown SKUs, holds.
          ...(o.reasons.length ? ['Reasons:', ...o.reasons.map((r) => `  ${r}`)] : []),
          ...(changes.length ? ['Standardised:'] : []),
          ...changes.map((c) => `  ${c.field}: "${c.before}" → "${c.after}"  (${c.reason})`),
          ...(o.history.length ? ['History:'] : []),
          ...o.history.map(
            (h) =>
              `  ${localTime(h.at, true)}  ${h.actor}  ${h.action}${h.from || h.to ? ` ${h.from ?? ''} → ${h.to ?? ''}` : ''}${h.reason ? `  (${h.reason})` : ''}`,
          ),
        ].join('\n'),
      );
      return 0;
    }
    throw new UsageError(
      sub ? `unknown subcommand "orders ${sub}"` : 'orders needs a subcommand: list or show',
    );
  },
};
