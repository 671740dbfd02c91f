// The journeys citizens take through the public site (issue 3), with role-based locators.
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { testDb } from './helpers.ts';

test('overview → a fund → a village → a household’s payment, with a way to report it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '公开概况' })).toBeVisible();
  await page.getByRole('table', { name: '公开情况总表' }).getByRole('link', { name: '专项资金' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '专项资金' })).toBeVisible();

  // The first fund paid to households.
  const fundTable = page.getByRole('table', { name: '专项资金' });
  const householdRow = fundTable.getByRole('row').filter({ hasText: '到人到户' }).first();
  const fundName = (await householdRow.getByRole('link').first().textContent())?.trim() ?? '';
  await householdRow.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: fundName })).toBeVisible();
  await expect(page.getByRole('heading', { name: '从审批到发放用时' })).toBeVisible();
  await expect(page.getByRole('link', { name: '对此有疑问？报告问题' })).toHaveAttribute('href', /\/inquiries\/new\?type=complaint&record=fund:/);

  // On to a village that received it.
  const villages = page.getByRole('table', { name: '按村（社区）' });
  const villageLink = villages.getByRole('link').first();
  const villageName = (await villageLink.textContent())?.trim() ?? '';
  await villageLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(villageName);

  // A household's payments: a group headed by 户号, masked name and masked ID.
  const table = page.getByRole('table', { name: new RegExp(`${villageName} 各户领取资金明细`) });
  const header = table.getByRole('rowheader').filter({ hasText: /户号 \S+ · .+ · \d{6}\*{8}[\dX]{4}/ }).first();
  await expect(header).toBeVisible();
  const report = table.getByRole('link', { name: '报告问题' }).first();
  await expect(report).toHaveAttribute('href', /^\/inquiries\/new\?type=complaint&record=disbursement:\d+$/);
});

test('a long village is split into pages that link to each other', async ({ page }) => {
  const db = testDb();
  const code = db.$client
    .prepare('SELECT v.code FROM villages v JOIN disbursements d ON d.village_id = v.id GROUP BY v.id ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get() as string;
  db.$client.close();
  await page.goto(`/villages/${code}/`);
  // `./gongkai test` builds with GONGKAI_PAGE_PAYMENTS=100, so the longest village pages.
  const pager = page.getByRole('navigation', { name: '本村各页' }).first();
  await pager.getByRole('link', { name: /^第 2 页/ }).click();
  await expect(page).toHaveURL(new RegExp(`/villages/${code}/2/$`));
  await expect(page.getByRole('navigation', { name: '本村各页' }).first().locator('[aria-current="page"]')).toHaveText('2');
});

test('budget units: the list, then one unit by function, economic classification and 三公', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '部门预算' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '部门预算' })).toBeVisible();
  const unit = page.getByRole('main').getByRole('table').getByRole('link').first();
  const name = (await unit.textContent())?.trim() ?? '';
  await unit.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('table', { name: '按功能分类' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: '按经济分类' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '“三公”经费' })).toBeVisible();
  await expect(page.getByRole('table', { name: '“三公”经费' }).getByRole('rowheader', { name: '公务接待费' })).toBeVisible();
});

test('staffing: establishment against headcount, over-establishment flagged, and the real-name list', async ({ page }) => {
  await page.goto('/staffing/');
  await expect(page.getByRole('heading', { level: 1, name: '机构编制' })).toBeVisible();
  const db = testDb();
  const over = db.$client
    .prepare(
      `SELECT count(*) FROM institutions i WHERE EXISTS (
         SELECT 1 FROM (SELECT quota_type, count(*) n FROM staff s WHERE s.institution_id = i.id GROUP BY quota_type) a
         LEFT JOIN quotas q ON q.institution_id = i.id AND q.type = a.quota_type WHERE a.n > coalesce(q.approved, 0))`,
    )
    .pluck()
    .get() as number;
  db.$client.close();
  await expect(page.locator('main .flag').filter({ hasText: /^超编 \d+ 人$/ })).toHaveCount(over);
  await page.getByRole('main').getByRole('table').first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '实名制人员名单' })).toBeVisible();
  await expect(page.getByRole('table', { name: '实名制人员名单' }).getByRole('row')).not.toHaveCount(0);
});

test('a download opens as valid CSV that Excel reads as UTF-8, with the rows the page shows', async ({ page, request }) => {
  await page.goto('/downloads/');
  const href = await page.getByRole('link', { name: 'CSV 专项资金', exact: true }).getAttribute('href');
  expect(href).toBe('/downloads/funds.csv');
  const res = await request.get(href as string);
  expect(res.headers()['content-type']).toContain('text/csv');
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]?.slice(0, 3)).toEqual(['资金编码', '资金名称', '年度']);
  await page.goto('/funds/');
  const shown = await page.getByRole('table', { name: '专项资金' }).locator('tbody tr').count();
  expect(parsed.data.length - 1).toBe(shown);
  const json = (await (await request.get('/downloads/funds.json')).json()) as { fields: string[]; rows: unknown[][] };
  expect(json.rows.length).toBe(shown);
  const pkg = (await (await request.get('/downloads/datapackage.json')).json()) as { resources: { name: string; path: string | string[] }[] };
  expect(pkg.resources.map((r) => r.name)).toContain('disbursements');
});

test('switch to English and back, on the same page', async ({ page }) => {
  await page.goto('/budgets/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/budgets\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Department budgets' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Special funds' })).toHaveAttribute('href', '/en/funds/');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/budgets\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the overview shows the figures the database holds', async ({ page }) => {
  const db = testDb();
  const q = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
  const payments = q('SELECT count(*) FROM disbursements');
  const projects = q('SELECT count(*) FROM projects');
  const funds = q('SELECT count(*) FROM funds');
  const staff = q('SELECT count(*) FROM staff');
  db.$client.close();
  await page.goto('/');
  const n = (x: number) => x.toLocaleString('zh-CN');
  await expect(page.locator('[data-figure="payments"]')).toHaveText(`${n(payments)} 人次`);
  await expect(page.locator('[data-figure="projects"]')).toHaveText(`${n(projects)} 个`);
  await expect(page.locator('[data-figure="funds"]')).toContainText(`${n(funds)} 项`);
  await expect(page.locator('[data-figure="staffing"]')).toContainText(`实名制人员 ${n(staff)} 人`);
});
