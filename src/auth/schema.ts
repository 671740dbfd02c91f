// Staff accounts, their sessions, login throttling and the audit log (issue 6).
// audit_log is append-only: triggers (db/migrations/*_auth_triggers.sql) refuse UPDATE and
// DELETE, so not even an administrator with the database can quietly rewrite history
// without leaving the schema changed.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, check } from 'drizzle-orm/sqlite-core';
import type { Role } from './roles.ts';

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: integer('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** scrypt$N$r$p$salt$hash (base64url), see password.ts */
    passwordHash: text('password_hash').notNull(),
    /** JSON array of Role */
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    /** the department (budget unit code, src/budgets/schema.ts) a handler works for */
    departmentCode: text('department_code'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('staff_users_roles_json', sql`json_valid(${t.roles})`)],
);

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    /** SHA-256 (hex) of the cookie's token: a stolen database copy holds no usable cookie. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => staffUsers.id),
    /** per-session CSRF token, compared with the form's _csrf field or X-CSRF-Token */
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('staff_sessions_user').on(t.userId)],
);

/** Failed logins, counted per account and per client address over a sliding window. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey(),
    /** 'user:<username>' or 'ip:<address>' */
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    /** staff_users.id; null for an anonymous act (a failed login) or the CLI */
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    /** what was acted on, e.g. 'batch:12', 'user:wang' */
    target: text('target'),
    ip: text('ip'),
    /** JSON object: anything else worth keeping (never a password or a full ID number) */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_actor').on(t.actorId)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffSession = typeof staffSessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
