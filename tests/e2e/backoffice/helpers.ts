// Shared helpers for the back-office browser tests: accounts made straight in the test
// database (as `./gongkai user add` would), signing in through the real login form, and
// waiting for the publish queue.
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { openDb } from '../../../src/db/client.ts';
import { addUser, findUser } from '../../../src/auth/users.ts';
import type { Role } from '../../../src/auth/roles.ts';

export const PASSWORD = 'e2e-password-123';

/** Make sure an account exists (idempotent across test files and retries). */
export async function ensureUser(username: string, roles: Role[], departmentCode: string | null = null): Promise<void> {
  const db = openDb();
  try {
    if (!findUser(db, username)) await addUser(db, { username, displayName: `测试${username}`, password: PASSWORD, roles, departmentCode });
  } finally {
    db.$client.close();
  }
}

/** Sign in through the form in a browser page. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'));
}

/** The CSRF token a page carries in its forms. */
export async function csrfFrom(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path, { maxRedirects: 0 })).text();
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSRF token on ${path}`);
  return m[1]!;
}

/** Sign in with an API request context (keeps the cookie). */
export async function logInRequest(request: APIRequestContext, username: string): Promise<void> {
  const token = await csrfFrom(request, '/admin/login');
  const r = await request.post('/admin/login', { form: { _csrf: token, username, password: PASSWORD }, maxRedirects: 0 });
  if (r.status() !== 303) throw new Error(`login ${username}: ${r.status()}`);
}

/** Wait until no publish is queued or running; returns the last job's status. */
export async function publishSettled(timeoutMs = 240_000): Promise<{ status: string; error: string | null; buildDir: string | null }> {
  const db = openDb(undefined, { readonly: true });
  try {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const active = db.$client.prepare(`SELECT count(*) FROM publish_jobs WHERE status IN ('queued', 'running')`).pluck().get() as number;
      if (active === 0) return db.$client.prepare('SELECT status, error, build_dir AS buildDir FROM publish_jobs ORDER BY id DESC LIMIT 1').get() as never;
      if (Date.now() > end) throw new Error('publish did not finish in time');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    db.$client.close();
  }
}

/** An API client for the test server that sends Origin like a browser does (Astro's checkOrigin refuses form posts without it). */
export function apiClient(baseURL: string | undefined): Promise<APIRequestContext> {
  if (!baseURL) throw new Error('no baseURL');
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
}
