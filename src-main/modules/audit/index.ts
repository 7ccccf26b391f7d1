export { insertAudit as recordAudit, auditWriter, listAudit, type AuditEntryInput } from './audit.repo';
