import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../core-context';
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

export function insertAudit(db: Db, e: AuditEntryInput): void {
  db.insert(auditLog)
    .values({
      at: e.at,
      actor: e.actor,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      reason: e.reason ?? null,
      dataJson: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .run();
}

export function listAudit(db: Db, entity: string, entityId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id))
    .all();
}
