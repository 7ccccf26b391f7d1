import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { getOrder } from '../orders';
import { setLinePresale } from './presale';

/** Orders whose lines can still be re-dated: nothing has been reserved or picked for them yet. */
const OPEN = ['pending_review', 'held', 'approved', 'backordered'];

export function markLinesPresale(
  ctx: CoreContext,
  input: { id: number; lines: number[]; shipDate: string | null },
  actor: string,
): { id: number; changed: number } {
  const o = getOrder(ctx, input.id);
  if (!OPEN.includes(o.status))
    throw new AppFailure(
      'conflict',
      `Order ${o.id} is ${o.status}; pre-sale dates can change only before it is allocated`,
    );
  const issues = input.lines
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n > o.lines.length)
    .map(({ n, i }) => ({
      path: `lines.${i}`,
      message: `order ${o.id} has no line ${n} (it has ${o.lines.length})`,
    }));
  if (issues.length)
    throw new AppFailure(
      'invalid_input',
      `Order ${o.id} was not changed: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  const changed = setLinePresale(ctx.sqlite, o.id, [...new Set(input.lines)], input.shipDate);
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'order',
    entityId: o.id,
    action: 'presale',
    data: { lines: input.lines, shipDate: input.shipDate },
  });
  ctx.emit('orders.changed', { ids: [o.id], reason: 'pre-sale' });
  return { id: o.id, changed };
}
