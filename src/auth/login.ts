// Signing in: throttle → look up → scrypt-verify → session, every outcome audited.
import type { Db } from '../db/client.ts';
import { audit } from './audit.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { checkThrottle, clearAccountFailures, recordFailure } from './throttle.ts';
import { findUser } from './users.ts';

export type LoginOutcome =
  | { ok: true; token: string; userId: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number };

/** Try a username and password from a client address. */
export async function attemptLogin(db: Db, username: string, password: string, ip: string): Promise<LoginOutcome> {
  const name = username.trim().toLowerCase().slice(0, 64);
  const throttle = checkThrottle(db, name, ip);
  if (throttle.locked) {
    audit(db, { actorId: null, action: 'login.throttled', target: `user:${name}`, ip, detail: { scope: throttle.scope } });
    return { ok: false, reason: 'throttled', retryAfter: throttle.retryAfter };
  }
  const user = findUser(db, name);
  // Unknown and disabled accounts cost the same scrypt time: no account enumeration by timing.
  const valid = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? (await dummyHash()));
  if (!user || user.disabled || !valid) {
    recordFailure(db, name, ip);
    audit(db, { actorId: null, action: 'login.failed', target: `user:${name}`, ip, detail: user?.disabled ? { disabled: true } : null });
    return { ok: false, reason: 'invalid' };
  }
  clearAccountFailures(db, name);
  const { token } = createSession(db, user.id, ip);
  audit(db, { actorId: user.id, action: 'login', target: `user:${name}`, ip });
  return { ok: true, token, userId: user.id };
}

/** A safe place to go after login: a back-office path on this site, else /admin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/admin') || next.startsWith('//') || next.includes('\\') || next.startsWith('/admin/login')) return '/admin';
  return next;
}
