import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../core-context';
import { bulkInserter } from '../../adapters/db/bulk-insert';
import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import { auditLog } from './audit.table';

export interface AuditEntryInput {
  at: number;
  actor: string;
  entity: string;
  entityId: number;
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: unknown;
}

/** Raw prepared insert: the audit row is written on every status change, often in bulk runs. */
export function insertAudit(db: Db, e: AuditEntryInput): void {
  stmt(
    db.$client,
    `insert into audit_log (at, actor, entity, entity_id, action, from_value, to_value, reason, data_json)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.at,
    e.actor,
    e.entity,
    e.entityId,
    e.action,
    e.from ?? null,
    e.to ?? null,
    e.reason ?? null,
    e.data === undefined ? null : JSON.stringify(e.data),
  );
}

type AuditRow = [
  at: number,
  actor: string,
  entity: string,
  entityId: number,
  action: string,
  from: string | null,
  to: string | null,
  reason: string | null,
  data: string | null,
];

/**
 * insertAudit for bulk runs: the same rows, written many to a statement (see bulkInserter).
 * flush() before the run reads the log back and at its end.
 */
export function auditWriter(sqlite: Sqlite): { add(e: AuditEntryInput): void; flush(): void } {
  const rows = bulkInserter<AuditRow>(sqlite, 'audit_log', [
    'at',
    'actor',
    'entity',
    'entity_id',
    'action',
    'from_value',
    'to_value',
    'reason',
    'data_json',
  ]);
  return {
    add: (e) =>
      rows.add([
        e.at,
        e.actor,
        e.entity,
        e.entityId,
        e.action,
        e.from ?? null,
        e.to ?? null,
        e.reason ?? null,
        e.data === undefined ? null : JSON.stringify(e.data),
      ]),
    flush: rows.flush,
  };
}

export function listAudit(db: Db, entity: string, entityId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id))
    .all();
}
