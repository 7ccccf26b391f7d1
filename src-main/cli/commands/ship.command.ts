import { parseArgs } from 'node:util';
import { must, UsageError, type Command } from '../cli-env';

interface ShipResult {
  shipped: number[];
  unchanged: number[];
  jobsQueued: number;
}

export const shipCommand: Command = {
  name: 'ship',
  usage: 'ship ORDER_ID [ORDER_ID…] --carrier C --tracking T',
  summary: 'confirm packed orders as shipped with a carrier and tracking number',
  async run(args, env) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { carrier: { type: 'string' }, tracking: { type: 'string' } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (!positionals.length) throw new UsageError('ship needs an order ID');
    const ids = positionals.map((p) => {
      const id = Number(p);
      if (!/^\d+$/.test(p) || !Number.isSafeInteger(id) || id < 1)
        throw new UsageError(`"${p}" is not an order ID (a positive whole number)`);
      return id;
    });
    if (!values.carrier) throw new UsageError('ship needs --carrier C');
    if (!values.tracking) throw new UsageError('ship needs --tracking T');
    // The ship desk offers only the shop's carriers; typed here, a slip ("ZT0") would be recorded
    // and pushed to the channel, with the number checked against no carrier's pattern.
    const { rows: carriers } = await must<{ rows: { code: string; active: boolean }[] }>(
      env.core().call('carriers.list', {}, { actor: 'cli' }),
    );
    const carrier = values.carrier.trim().toUpperCase();
    if (carriers.length && !carriers.some((c) => c.code.toUpperCase() === carrier))
      throw new UsageError(
        `unknown carrier "${values.carrier}"; this shop's carriers: ${carriers
          .filter((c) => c.active)
          .map((c) => c.code)
          .join(', ')}`,
      );
    const r = await must<ShipResult>(
      env
        .core()
        .call(
          'shipping.confirm',
          { orderIds: ids, carrier: values.carrier, trackingNumber: values.tracking },
          { actor: 'cli' },
        ),
    );
    env.print(r, () =>
      r.shipped.length
        ? `Shipped order${r.shipped.length > 1 ? 's' : ''} ${r.shipped.join(', ')} with ${carrier} ${values.tracking}` +
          (r.unchanged.length ? ` (already shipped: ${r.unchanged.join(', ')})` : '')
        : `Already shipped with this number: ${r.unchanged.join(', ')}; nothing changed`,
    );
    return 0;
  },
};
