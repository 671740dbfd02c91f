// Login throttling per account and per client address (issue 6). Failures are kept in
// SQLite, not in memory: each published build runs its own copy of this module, and a
// swap must not hand an attacker a fresh allowance.
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures } from './schema.ts';

export interface ThrottleRule {
  /** failures allowed inside the window before further attempts are refused */
  limit: number;
  windowMs: number;
}

/** An account: 5 wrong passwords in 15 minutes locks it for the rest of the window. */
export const PER_ACCOUNT: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
/** A client address (an office behind one NAT shares one): 20 failures in 15 minutes. */
export const PER_CLIENT: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * When attempts may resume, given the failure times (ms) inside the window; null if not
 * locked. Pure: the rule the tests pin down.
 */
export function lockedUntil(failures: readonly number[], rule: ThrottleRule, now: number): number | null {
  const recent = failures.filter((t) => t > now - rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.limit) return null;
  // The window slides: locked until the failure that made it `limit` ages out.
  return recent[recent.length - rule.limit]! + rule.windowMs;
}

function failureTimes(db: Db, key: string, since: number): number[] {
  return db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, new Date(since).toISOString())))
    .all()
    .map((r) => Date.parse(r.at));
}

export interface ThrottleState {
  locked: boolean;
  /** seconds until a new attempt is accepted (0 when not locked) */
  retryAfter: number;
  scope: 'account' | 'client' | null;
}

/** May this username try to log in from this address now? */
export function checkThrottle(db: Db, username: string, ip: string, now = Date.now()): ThrottleState {
  const account = lockedUntil(failureTimes(db, userKey(username), now - PER_ACCOUNT.windowMs), PER_ACCOUNT, now);
  const client = lockedUntil(failureTimes(db, ipKey(ip), now - PER_CLIENT.windowMs), PER_CLIENT, now);
  const until = Math.max(account ?? 0, client ?? 0);
  if (!until) return { locked: false, retryAfter: 0, scope: null };
  return { locked: true, retryAfter: Math.ceil((until - now) / 1000), scope: (account ?? 0) >= (client ?? 0) ? 'account' : 'client' };
}

/** Count a failed attempt against the account and the address; forget failures past any window. */
export function recordFailure(db: Db, username: string, ip: string, now = Date.now()): void {
  const at = new Date(now).toISOString();
  db.insert(loginFailures).values([{ key: userKey(username), at }, { key: ipKey(ip), at }]).run();
  const oldest = new Date(now - Math.max(PER_ACCOUNT.windowMs, PER_CLIENT.windowMs)).toISOString();
  db.delete(loginFailures).where(lt(loginFailures.at, oldest)).run();
}

/** A successful login clears the account's failures (not the address's). */
export function clearAccountFailures(db: Db, username: string): void {
  db.delete(loginFailures).where(inArray(loginFailures.key, [userKey(username)])).run();
}
