import type { Sqlite } from '../../adapters/db/open';
import type { CustomerValues } from '../customers';

/**
 * Statements the demo runs hundreds of thousands of times, prepared once per run.
 *
 * - Demo orders arrive already routed and shipped, as an import of a shop's history would; the
 *   orders repo has no writer for those columns yet (routing and fulfilment will own them).
 * - Customers follow `findOrCreateCustomer`'s rule (one profile per phone) but without preparing
 *   two statements per call: a 1,000,000-order demo meets ~770,000 buyers.
 */
export function demoStatements(sqlite: Sqlite) {
  const byPhone = sqlite.prepare('select id from customers where phone = ? limit 1');
  const insertCustomer = sqlite.prepare(
    `insert into customers (name, phone, email, country, province, city, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    setFulfilment: sqlite.prepare(
      'update orders set warehouse_id = ?, carrier = ?, tracking_number = ?, shipped_at = ? where id = ?',
    ),
    customerId(v: CustomerValues & { phone: string }, now: number): number {
      const found = byPhone.get(v.phone) as { id: number } | undefined;
      if (found) return found.id;
      const r = insertCustomer.run(
        v.name,
        v.phone,
        v.email ?? null,
        v.country ?? null,
        v.province ?? null,
        v.city ?? null,
        now,
        now,
      );
      return Number(r.lastInsertRowid);
    },
  };
}
export type DemoStatements = ReturnType<typeof demoStatements>;
