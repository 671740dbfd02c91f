// The role matrix of issue 6: every back-office route and method, as each role and as an
// anonymous visitor, against a table written out by hand (not derived from the code's own
// access list, so a wrong entry there fails here). POSTs carry a valid CSRF token: the
// answer checked is the role check, not the CSRF check (tested separately below).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openDb } from '../../../src/db/client.ts';
import { apiClient, csrfFrom, ensureUser, logInRequest } from './helpers.ts';

type Who = 'anonymous' | 'admin' | 'uploader' | 'reviewer' | 'registrar' | 'handler';
type Answer = 'allowed' | 'forbidden' | 'login';
const WHO: Who[] = ['anonymous', 'admin', 'uploader', 'reviewer', 'registrar', 'handler'];

// One letter per WHO column: a = allowed, f = 403, l = redirect to login.
//                                                             anon adm upl rev reg han
const TABLE: [method: 'GET' | 'POST', path: string, row: string][] = [
  ['GET', '/admin', '                                           l    a   a   a   a   a'],
  ['GET', '/admin/uploads', '                                   l    f   a   f   f   f'],
  ['POST', '/admin/uploads', '                                  l    f   a   f   f   f'],
  ['GET', '/admin/uploads/{report}', '                          l    f   a   f   f   f'],
  ['GET', '/admin/uploads/{report}/errors.csv', '               l    f   a   f   f   f'],
  ['GET', '/admin/review', '                                    l    f   f   a   f   f'],
  ['GET', '/admin/review/{batch}', '                            l    f   f   a   f   f'],
  ['POST', '/admin/review/{batch}', '                           l    f   f   a   f   f'],
  ['GET', '/admin/publish', '                                   l    a   a   a   f   f'],
  ['POST', '/admin/publish', '                                  l    a   f   a   f   f'],
  ['GET', '/admin/funds', '                                     l    a   a   a   f   f'],
  ['GET', '/admin/audit', '                                     l    a   f   f   f   f'],
  ['GET', '/admin/users', '                                     l    a   f   f   f   f'],
  ['POST', '/admin/logout', '                                   l    a   a   a   a   a'],
];
const LETTER: Record<string, Answer> = { a: 'allowed', f: 'forbidden', l: 'login' };

function classify(status: number, location: string | undefined): Answer | `unexpected ${number}` {
  if (status === 302 && location?.startsWith('/admin/login?next=')) return 'login';
  if (status === 403) return 'forbidden';
  // Allowed: the page, a redirect after a POST (303), or the handler's own 400/404/409
  // for this test's deliberately empty forms and other people's records.
  if ([200, 303, 400, 404, 409].includes(status)) return 'allowed';
  return `unexpected ${status}`;
}

test('every back-office route answers each role as the table says', async ({ baseURL }) => {
  test.setTimeout(180_000);
  for (const role of WHO.slice(1)) await ensureUser(`matrix-${role}`, [role as never], role === 'handler' ? '101' : null);
  const db = openDb(undefined, { readonly: true });
  const batch = db.$client.prepare('SELECT min(id) FROM import_batches').pluck().get() as number;
  db.$client.close();
  const report = 999_999; // nobody's report: an allowed uploader gets 404, others their role answer

  const failures: string[] = [];
  for (const who of WHO) {
    const ctx: APIRequestContext = await apiClient(baseURL);
    if (who !== 'anonymous') await logInRequest(ctx, `matrix-${who}`);
    const token = await csrfFrom(ctx, who === 'anonymous' ? '/admin/login' : '/admin');
    for (const [method, template, row] of TABLE) {
      const expected = LETTER[row.trim().split(/\s+/)[WHO.indexOf(who)]!]!;
      const path = template.replace('{batch}', String(batch)).replace('{report}', String(report));
      const r =
        method === 'GET'
          ? await ctx.get(path, { maxRedirects: 0 })
          : await ctx.post(path, { multipart: { _csrf: token }, maxRedirects: 0 });
      const got = classify(r.status(), r.headers()['location']);
      if (got !== expected) failures.push(`${who} ${method} ${path}: expected ${expected}, got ${got} (${r.status()})`);
    }
    await ctx.dispose();
  }
  expect(failures).toEqual([]);
});

test('a POST under /admin without the CSRF token is refused, even for the right role', async ({ baseURL }) => {
  await ensureUser('matrix-reviewer', ['reviewer']);
  const ctx = await apiClient(baseURL);
  await logInRequest(ctx, 'matrix-reviewer');
  const none = await ctx.post('/admin/publish', { form: { x: '1' }, maxRedirects: 0 });
  expect(none.status()).toBe(403);
  expect(await none.text()).toContain('表单已过期或来源无效');
  const wrong = await ctx.post('/admin/publish', { form: { _csrf: 'A'.repeat(43) }, maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
  // The header form works for JSON/XHR posts.
  const token = await csrfFrom(ctx, '/admin');
  const viaHeader = await ctx.post('/admin/logout', { headers: { 'X-CSRF-Token': token }, maxRedirects: 0 });
  expect(viaHeader.status()).toBe(303);
  // A login form post without a token is refused too.
  const anon = await apiClient(baseURL);
  const login = await anon.post('/admin/login', { form: { username: 'matrix-reviewer', password: 'x' }, maxRedirects: 0 });
  expect(login.status()).toBe(403);
  await ctx.dispose();
  await anon.dispose();
});
