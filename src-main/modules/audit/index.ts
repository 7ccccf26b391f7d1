export { insertAudit as recordAudit, listAudit, type AuditEntryInput } from './audit.repo';
