// Zero-error swap (issue 6): while a publish builds and swaps the live site, keep
// requesting pages; not one request may fail, and every page is whole (old or new build).
import { expect, test } from '@playwright/test';
import { apiClient, csrfFrom, ensureUser, logInRequest, publishSettled } from './helpers.ts';

const PAGES = ['/', '/funds/', '/villages/', '/villages/430524101001/', '/projects/', '/budgets/', '/staffing/', '/en/', '/healthz', '/admin/login'];

test('pages keep answering 200 while a publish swaps the site', async ({ baseURL }) => {
  test.setTimeout(300_000);
  await ensureUser('swap-reviewer', ['reviewer']);
  await publishSettled();
  const staff = await apiClient(baseURL);
  await logInRequest(staff, 'swap-reviewer');
  const before = (await (await staff.get('/healthz')).json()).build as string;

  const visitor = await apiClient(baseURL);
  let done = false;
  let requests = 0;
  const failures: string[] = [];
  const builds = new Set<string>();
  const hammer = async () => {
    for (let i = 0; !done; i++) {
      const path = PAGES[i % PAGES.length]!;
      try {
        const r = await visitor.get(path, { maxRedirects: 0 });
        requests++;
        const body = await r.text();
        if (r.status() !== 200) failures.push(`${path}: ${r.status()}`);
        else if (path === '/healthz') builds.add(JSON.parse(body).build);
        else if (path !== '/admin/login' && !body.trimEnd().endsWith('</html>')) failures.push(`${path}: truncated page`);
      } catch (err) {
        requests++;
        failures.push(`${path}: ${(err as Error).message}`);
      }
    }
  };
  const workers = Array.from({ length: 4 }, hammer);

  const token = await csrfFrom(staff, '/admin/publish');
  expect((await staff.post('/admin/publish', { form: { _csrf: token }, maxRedirects: 0 })).status()).toBe(303);
  const result = await publishSettled();
  // A little longer on the new build, then stop.
  await new Promise((r) => setTimeout(r, 1000));
  done = true;
  await Promise.all(workers);

  expect(result.status).toBe('done');
  const after = (await (await staff.get('/healthz')).json()).build as string;
  expect(after).not.toBe(before);
  expect(builds.has(after)).toBe(true);
  expect(requests).toBeGreaterThan(50);
  console.log(`swap test: ${requests} requests during the publish, ${failures.length} failed`);
  expect(failures).toEqual([]);
  await staff.dispose();
  await visitor.dispose();
});
