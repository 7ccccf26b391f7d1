import type { Sqlite } from '../../adapters/db/open';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { openReservations, orderReference } from '../inventory';
import { remapLineSku } from '../orders';
import { sourceKey } from './spec-synonyms';
import { appendChanges, linesMappedTo, standardizeStatements } from './standardize.repo';

/**
 * Orders whose lines may still change SKU: nothing is reserved or picked for them yet. From
 * `backordered` on, stock is held or moved for the SKU they carry; changing it there is a
 * re-route or an edit of the order, not a mapping's business. A held order may have been held
 * after it was allocated, still holding its stock: it moves only if it holds none.
 */
const NOT_ALLOCATED: readonly OrderStatus[] = ['pending_review', 'held', 'approved'];
const holdsStock = (sqlite: Sqlite, orderId: number): boolean =>
  openReservations(sqlite, orderReference(orderId)).length > 0;

/**
 * A mapping changed from `previous` to `sku`: the lines the old mapping gave `previous` (on the
 * mapping screen or on import) move to `sku` on orders not yet allocated, each change shown on
 * its order; lines of orders further on keep `previous` and are counted.
 */
export function correctMappedLines(
  sqlite: Sqlite,
  m: { key: string; previous: string; sku: string; synonyms: ReadonlyMap<string, string> },
  actor: string,
): { corrected: number; left: number; orderIds: number[] } {
  const lines = linesMappedTo(sqlite, m.previous).filter(
    (l) => sourceKey(l.title, l.spec, m.synonyms) === m.key,
  );
  const moving = lines.filter(
    (l) => (NOT_ALLOCATED as readonly string[]).includes(l.status) && !holdsStock(sqlite, l.orderId),
  );
  remapLineSku(
    sqlite,
    moving.map((l) => l.lineId),
    m.sku,
  );
  appendChanges(
    standardizeStatements(sqlite),
    moving.map((l) => ({
      orderId: l.orderId,
      field: `lines.${l.lineNo}.sku`,
      before: m.previous,
      after: m.sku,
      reason: `mapping corrected on the SKU mapping screen by ${actor}`,
    })),
  );
  return {
    corrected: moving.length,
    left: lines.length - moving.length,
    orderIds: [...new Set(moving.map((l) => l.orderId))],
  };
}
