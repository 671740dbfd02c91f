// Staff sessions in SQLite (issue 6): the cookie carries a random 256-bit token; the table
// keeps only its SHA-256, the user, a per-session CSRF token and the expiry. Sessions live
// 12 hours at most and end after 2 idle hours; disabling or resetting an account ends them.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staffSessions, staffUsers, type StaffUser } from './schema.ts';

export const SESSION_COOKIE = 'gk_session';
export const MAX_AGE_MS = 12 * 3600_000;
export const IDLE_MS = 2 * 3600_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A random URL-safe token. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Start a session for a user; returns the cookie token. */
export function createSession(db: Db, userId: number, ip: string | null, now = Date.now()): { token: string; csrfToken: string } {
  const token = newToken();
  const csrfToken = newToken();
  const at = new Date(now).toISOString();
  db.insert(staffSessions)
    .values({ id: digest(token), userId, csrfToken, createdAt: at, lastSeenAt: at, expiresAt: new Date(now + MAX_AGE_MS).toISOString(), ip })
    .run();
  // Expired sessions of anyone go now: the table stays small without a timer.
  db.delete(staffSessions).where(lt(staffSessions.expiresAt, at)).run();
  return { token, csrfToken };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: StaffUser;
}

/** The live session and its (enabled) user for a cookie token, or null. Touches last-seen. */
export function resolveSession(db: Db, token: string | undefined, now = Date.now()): ResolvedSession | null {
  if (!token || token.length > 100) return null;
  const id = digest(token);
  const row = db
    .select({ s: staffSessions, u: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, id))
    .get();
  if (!row) return null;
  const expired = Date.parse(row.s.expiresAt) <= now || Date.parse(row.s.lastSeenAt) + IDLE_MS <= now;
  if (expired || row.u.disabled) {
    db.delete(staffSessions).where(eq(staffSessions.id, id)).run();
    return null;
  }
  // Write last-seen at most once a minute: most requests stay read-only.
  if (now - Date.parse(row.s.lastSeenAt) > 60_000) {
    db.update(staffSessions).set({ lastSeenAt: new Date(now).toISOString() }).where(eq(staffSessions.id, id)).run();
  }
  return { sessionId: id, csrfToken: row.s.csrfToken, user: row.u };
}

/** End one session (logout). */
export function destroySession(db: Db, token: string | undefined): void {
  if (token) db.delete(staffSessions).where(eq(staffSessions.id, digest(token))).run();
}

/** End every session of a user (disable, password reset). */
export function destroyUserSessions(db: Db, userId: number): void {
  db.delete(staffSessions).where(and(eq(staffSessions.userId, userId))).run();
}
