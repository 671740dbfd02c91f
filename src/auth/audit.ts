// The audit log: who did what, when, from where (issue 6). Rows are never changed or
// removed (triggers), and administrators read them at /admin/audit.
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, type AuditEntry } from './schema.ts';

export interface AuditEvent {
  /** staff_users.id, or null for anonymous acts (failed logins) and the CLI */
  actorId: number | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Append one entry. */
export function audit(db: Db, e: AuditEvent): void {
  db.insert(auditLog)
    .values({ at: new Date().toISOString(), actorId: e.actorId, action: e.action, target: e.target ?? null, ip: e.ip ?? null, detail: e.detail ?? null })
    .run();
}

/** The newest entries first. */
export function recentAudit(db: Db, limit = 200, offset = 0): AuditEntry[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
}
