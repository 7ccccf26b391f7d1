import type { Sqlite } from '../../adapters/db/open';

export interface ManualRequestRow {
  orderId: number;
  inputHash: string;
  externalId: string;
}

export const findManualRequest = (sqlite: Sqlite, requestId: string): ManualRequestRow | undefined =>
  sqlite
    .prepare(
      `select r.order_id as orderId, r.input_hash as inputHash, o.external_id as externalId
         from manual_order_requests r join orders o on o.id = r.order_id where r.request_id = ?`,
    )
    .get(requestId) as ManualRequestRow | undefined;

/** The next free number of the day; the (day, seq) unique index backs it up. */
export const nextManualSeq = (sqlite: Sqlite, day: string): number =>
  (
    sqlite
      .prepare('select coalesce(max(seq), 0) + 1 as n from manual_order_requests where day = ?')
      .get(day) as { n: number }
  ).n;

export function insertManualRequest(
  sqlite: Sqlite,
  r: { requestId: string; orderId: number; day: string; seq: number; inputHash: string },
  now: number,
): void {
  sqlite
    .prepare(
      `insert into manual_order_requests (request_id, order_id, day, seq, input_hash, created_at)
       values (@requestId, @orderId, @day, @seq, @inputHash, @now)`,
    )
    .run({ ...r, now });
}
