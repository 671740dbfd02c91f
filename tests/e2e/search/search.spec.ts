// The /search/ page (issue 4): one box, results grouped by kind, pinyin and initials,
// both locales; and the privacy scan of every shard of the built site.
import { expect, test } from '@playwright/test';
import { scanForPrivacyLeaks } from '../../../src/search/privacy-scan.ts';
import { clientDir, pinyinQueries, privateNames, publicHousehold, searchFiles } from './helpers.ts';
import { testDb } from '../site/helpers.ts';

test('the header box leads to /search/, and a household is found by initials in its village', async ({ page }) => {
  const h = publicHousehold();
  const q = pinyinQueries(h.fullName);
  await page.goto('/funds/');
  await page.getByRole('search').getByRole('searchbox', { name: '搜索' }).fill(h.villageName);
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=/);
  const villages = page.getByRole('region', { name: /^村（社区）/ });
  await expect(villages.getByRole('link', { name: h.villageName })).toHaveAttribute('href', `/villages/${h.villageCode}/`);

  for (const typed of [q.initials, q.mixed, q.full]) {
    await page.getByLabel('搜索内容').fill(typed);
    await page.getByLabel('查农户时请选择村（社区）').selectOption(h.villageCode);
    await page.getByRole('button', { name: '搜索', exact: true }).last().click();
    const households = page.getByRole('region', { name: /^农户/ });
    await expect(households.getByText(h.fullName), `typed ${typed}`).toBeVisible();
    await expect(households).toContainText(`身份证尾号 ${h.idLast4}`);
  }
  // The query is in the URL: reload or share it and the same results come back.
  await page.reload();
  await expect(page.getByRole('region', { name: /^农户/ }).getByText(h.fullName)).toBeVisible();
});

test('projects, funds, units and institutions are grouped by kind; staff only when asked', async ({ page }) => {
  const db = testDb();
  const fund = db.$client.prepare("SELECT name, code FROM funds WHERE kind = 'project' ORDER BY code LIMIT 1").get() as { name: string; code: string };
  const staffName = db.$client.prepare('SELECT name FROM staff ORDER BY id LIMIT 1').pluck().get() as string;
  const unit = db.$client.prepare('SELECT name, code FROM budget_units ORDER BY code LIMIT 1').get() as { name: string; code: string };
  db.$client.close();

  await page.goto(`/search/?q=${encodeURIComponent(fund.name)}`);
  await expect(page.getByRole('region', { name: /^专项资金/ }).getByRole('link', { name: fund.name })).toHaveAttribute('href', `/funds/${fund.code}/`);
  await page.goto(`/search/?q=${encodeURIComponent(unit.name)}`);
  await expect(page.getByRole('region', { name: /^预算单位/ }).getByRole('link', { name: unit.name })).toHaveAttribute('href', `/budgets/${unit.code}/`);

  await page.goto(`/search/?q=${encodeURIComponent(staffName)}`);
  await expect(page.getByRole('region', { name: /^工作人员/ })).toHaveCount(0);
  await page.getByLabel('同时搜索工作人员姓名').check();
  await page.getByRole('button', { name: '搜索', exact: true }).last().click();
  await expect(page.getByRole('region', { name: /^工作人员/ }).getByText(staffName).first()).toBeVisible();
});

test('English: the same search at /en/search/ links to English pages', async ({ page }) => {
  const h = publicHousehold();
  await page.goto(`/en/search/?q=${encodeURIComponent(h.villageName)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Search the disclosures' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Villages/ }).getByRole('link', { name: h.villageName })).toHaveAttribute('href', `/en/villages/${h.villageCode}/`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page leads to browsing by village and by fund', async ({ page }) => {
    await page.goto('/search/?q=x');
    await page.getByRole('link', { name: '按村（社区）浏览' }).click();
    await expect(page).toHaveURL(/\/villages\/$/);
  });
});

test('privacy: no shard holds a masked household’s full name (characters or pinyin) or a full ID number', async () => {
  const files = searchFiles(clientDir());
  const names = privateNames();
  // The scan can only fail if there is something to scan and something to look for.
  expect(files.filter((f) => f.includes('/villages/')).length).toBeGreaterThanOrEqual(2 * 2 * 9);
  expect(names.length).toBeGreaterThan(100);
  const leaks = await scanForPrivacyLeaks(files, names);
  expect(leaks.slice(0, 20)).toEqual([]);
});

test('axe (WCAG 2.2 A/AA) on the search page with results, in both locales', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
  const h = publicHousehold();
  for (const prefix of ['', '/en']) {
    await page.goto(`${prefix}/search/?q=${pinyinQueries(h.fullName).initials}&v=${h.villageCode}`);
    await expect(page.getByText(h.fullName)).toBeVisible();
    const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(r.violations.map((v) => `${prefix}: ${v.id} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  }
});
