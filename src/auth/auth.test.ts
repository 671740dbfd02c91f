// Password hashing, throttling, sessions, CSRF tokens and the append-only audit log,
// against real SQLite with the committed migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../db/testing.ts';
import { audit } from './audit.ts';
import { presentedToken, tokensMatch } from './csrf.ts';
import { requireRole } from './guard.ts';
import { attemptLogin, safeNext } from './login.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, resolveSession, IDLE_MS } from './sessions.ts';
import { checkThrottle, lockedUntil, PER_ACCOUNT, PER_CLIENT, recordFailure } from './throttle.ts';
import { addUser, disableUser, resetPassword, toStaff } from './users.ts';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('草原上的 horse 7');
    const b = await hashPassword('草原上的 horse 7');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('草原上的 horse 7', a)).toBe(true);
    expect(await verifyPassword('草原上的 horse 8', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });
  it('never matches a malformed or non-scrypt hash', async () => {
    for (const bad of ['', 'plain', 'md5$abc', 'scrypt$1$1$1$aa$bb', 'scrypt$x$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});

describe('throttling', () => {
  it('locks after `limit` failures inside the window, and unlocks as they age out', () => {
    const rule = { limit: 3, windowMs: 1000 };
    expect(lockedUntil([100, 200], rule, 300)).toBeNull();
    expect(lockedUntil([100, 200, 300], rule, 400)).toBe(1100);
    expect(lockedUntil([100, 200, 300], rule, 1100)).toBeNull();
    expect(lockedUntil([100, 200, 300, 900], rule, 1100)).toBe(1200);
  });

  it('refuses the right password once an account has too many failures, from any address', async () => {
    await addUser(t.db, { username: 'wang', displayName: '王', password: 'right-password-1', roles: ['uploader'] });
    for (let i = 0; i < PER_ACCOUNT.limit; i++) {
      expect((await attemptLogin(t.db, 'wang', 'wrong', `10.0.0.${i}`)).ok).toBe(false);
    }
    const out = await attemptLogin(t.db, 'wang', 'right-password-1', '10.0.0.99');
    expect(out).toMatchObject({ ok: false, reason: 'throttled' });
    expect(out.ok === false && out.reason === 'throttled' && out.retryAfter).toBeGreaterThan(800);
  });

  it('throttles a client address that tries many accounts', () => {
    const now = Date.now();
    for (let i = 0; i < PER_CLIENT.limit; i++) recordFailure(t.db, `user${i}`, '192.0.2.7', now);
    expect(checkThrottle(t.db, 'someone-else', '192.0.2.7', now + 1)).toMatchObject({ locked: true, scope: 'client' });
    expect(checkThrottle(t.db, 'someone-else', '192.0.2.8', now + 1).locked).toBe(false);
    expect(checkThrottle(t.db, 'someone-else', '192.0.2.7', now + PER_CLIENT.windowMs + 1).locked).toBe(false);
  });

  it('a success clears the account count; failures and successes are audited', async () => {
    await addUser(t.db, { username: 'li', displayName: '李', password: 'right-password-2', roles: ['reviewer'] });
    for (let i = 0; i < PER_ACCOUNT.limit - 1; i++) await attemptLogin(t.db, 'li', 'nope', '10.1.1.1');
    expect((await attemptLogin(t.db, 'li', 'right-password-2', '10.1.1.1')).ok).toBe(true);
    expect((await attemptLogin(t.db, 'li', 'nope', '10.1.1.1')).ok).toBe(false);
    expect((await attemptLogin(t.db, 'li', 'right-password-2', '10.1.1.1')).ok).toBe(true);
    const actions = t.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(PER_ACCOUNT.limit);
    expect(actions.filter((a) => a === 'login')).toHaveLength(2);
  });
});

describe('accounts and sessions', () => {
  it('a disabled or reset account loses its sessions; a disabled one cannot log in', async () => {
    const u = await addUser(t.db, { username: 'zhao', displayName: '赵', password: 'right-password-3', roles: ['uploader', 'reviewer'] });
    const s1 = createSession(t.db, u.id, '127.0.0.1');
    expect(resolveSession(t.db, s1.token)?.user.username).toBe('zhao');
    await resetPassword(t.db, 'zhao', 'another-password-4');
    expect(resolveSession(t.db, s1.token)).toBeNull();
    const s2 = createSession(t.db, u.id, '127.0.0.1');
    disableUser(t.db, 'zhao');
    expect(resolveSession(t.db, s2.token)).toBeNull();
    expect((await attemptLogin(t.db, 'zhao', 'another-password-4', '127.0.0.1')).ok).toBe(false);
  });

  it('sessions end after the idle time; unknown tokens resolve to nobody', async () => {
    const u = await addUser(t.db, { username: 'qian', displayName: '钱', password: 'right-password-5', roles: ['admin'] });
    const now = Date.now();
    const s = createSession(t.db, u.id, null, now);
    expect(resolveSession(t.db, s.token, now + IDLE_MS - 1000)).not.toBeNull();
    expect(resolveSession(t.db, s.token, now + 2 * IDLE_MS)).toBeNull();
    expect(resolveSession(t.db, 'not-a-token')).toBeNull();
  });

  it('refuses weak passwords and a handler without a department', async () => {
    await expect(addUser(t.db, { username: 'sun', displayName: '孙', password: 'short', roles: ['uploader'] })).rejects.toThrow(/10/);
    await expect(addUser(t.db, { username: 'sun', displayName: '孙', password: 'long-enough-1', roles: ['handler'] })).rejects.toThrow(/department/);
    const h = await addUser(t.db, { username: 'sun', displayName: '孙', password: 'long-enough-1', roles: ['handler'], departmentCode: '101' });
    expect(toStaff(h)).toEqual({ id: h.id, username: 'sun', displayName: '孙', roles: ['handler'], departmentCode: '101' });
  });
});

describe('CSRF', () => {
  it('matches only the identical token', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('', '')).toBe(false);
    expect(tokensMatch('abc', null)).toBe(false);
  });
  it('reads the token from the header, a urlencoded form or a multipart form, leaving the body readable', async () => {
    const url = 'http://x/admin/uploads';
    expect(await presentedToken(new Request(url, { method: 'POST', headers: { 'X-CSRF-Token': 'h1' } }))).toBe('h1');
    const form = new Request(url, { method: 'POST', body: new URLSearchParams({ _csrf: 'f1', a: 'b' }) });
    expect(await presentedToken(form)).toBe('f1');
    expect((await form.formData()).get('a')).toBe('b');
    const fd = new FormData();
    fd.set('_csrf', 'm1');
    fd.set('file', new Blob(['x,y\n']), 'a.csv');
    expect(await presentedToken(new Request(url, { method: 'POST', body: fd }))).toBe('m1');
    expect(await presentedToken(new Request(url, { method: 'POST', body: JSON.stringify({ _csrf: 'j' }), headers: { 'content-type': 'application/json' } }))).toBeNull();
  });
});

describe('guards and redirects', () => {
  const ctx = (staff: ReturnType<typeof toStaff> | null) => ({ locals: { staff }, url: new URL('http://x/admin/review?id=3') });
  const who = { id: 1, username: 'a', displayName: 'A', roles: ['uploader' as const], departmentCode: null };
  it('redirects the anonymous to login with next, refuses a wrong role, allows the right one', () => {
    const anon = requireRole(ctx(null), 'reviewer')!;
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Freview%3Fid%3D3');
    expect(requireRole(ctx(who), 'reviewer')!.status).toBe(403);
    expect(requireRole(ctx(who), 'reviewer', 'uploader')).toBeNull();
    expect(requireRole(ctx(who))).toBeNull();
  });
  it('only sends people back into the back office after login', () => {
    expect(safeNext('/admin/review?id=3')).toBe('/admin/review?id=3');
    for (const bad of ['https://evil.example/', '//evil.example/admin', '/\\evil', '/funds/', null, '/admin/login']) expect(safeNext(bad)).toBe('/admin');
  });
});

describe('audit log', () => {
  it('is append-only', () => {
    audit(t.db, { actorId: null, action: 'test', target: 'x', ip: '::1', detail: { a: 1 } });
    expect(() => t.db.$client.exec("UPDATE audit_log SET action = 'changed'")).toThrow(/append-only/);
    expect(() => t.db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(t.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });
});
