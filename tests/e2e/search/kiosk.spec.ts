// The village kiosk (issue 4), the way a farmer uses it: by touch only, on a kiosk-sized
// touchscreen. Households come from the test database (helpers.ts).
import { expect, test, type Page } from '@playwright/test';
import { maskedNamesakes, pinyinQueries, publicHousehold, type Household } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 1024 }, hasTouch: true, isMobile: false });

async function toVillage(page: Page, h: Household): Promise<void> {
  await page.getByRole('link', { name: h.townshipName, exact: true }).tap();
  await expect(page.getByRole('heading', { name: '第二步：请选择您所在的村（社区）' })).toBeVisible();
  await page.getByRole('link', { name: h.villageName, exact: true }).tap();
  await expect(page.getByRole('heading', { name: '第三步：按姓名拼音首字母查找' })).toBeVisible();
  await expect(page.getByText(/^本村共 \d+ 户/)).toBeVisible();
}

async function tapLetters(page: Page, letters: string): Promise<void> {
  const pad = page.getByRole('group', { name: '拼音首字母键盘' });
  for (const l of letters.toUpperCase()) await pad.getByRole('button', { name: l, exact: true }).tap();
}

/** The result button of one household: its ID tail tells it apart. */
const hitOf = (page: Page, h: Household) => page.getByRole('button').filter({ hasText: `身份证尾号 ${h.idLast4}` }).filter({ hasText: `户号 ${h.householdNo}` });

test('touch only: township → village → initials → household → print → complaint prefilled', async ({ page }) => {
  const h = publicHousehold();
  await page.goto('/kiosk/');
  await expect(page.getByRole('heading', { level: 1, name: '惠民资金查询' })).toBeVisible();
  await expect(page.getByRole('link', { name: '重新开始' })).toBeVisible();
  await toVillage(page, h);
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await expect(page.getByRole('textbox', { name: '姓名（汉字或拼音）' })).toHaveValue(pinyinQueries(h.fullName).initials);
  const hit = hitOf(page, h);
  await expect(hit).toContainText(h.fullName);
  await hit.tap();

  // The payments of the year: fund, amount, date, status, total.
  await expect(page.getByRole('heading', { name: /^惠民资金发放明细（\d{4} 年）$/ })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['资金名称', '金额（元）', '发放日期', '状态', '有疑问']);
  await expect(table.getByRole('row', { name: /合计/ })).toContainText(/\d+\.\d\d/);
  const bodyRows = table.locator('tbody tr');
  expect(await bodyRows.count()).toBeGreaterThan(0);
  await expect(bodyRows.first()).toContainText(/\d{4}-\d\d-\d\d/);
  await expect(bodyRows.first()).toContainText('已发放');
  // Total is the sum of the rows.
  const amounts = await table.locator('tbody td.num').allTextContents();
  const sum = amounts.reduce((s, a) => s + Math.round(Number(a.replace(/,/g, '')) * 100), 0);
  const total = Math.round(Number((await table.locator('tfoot td.num').textContent())!.replace(/,/g, '')) * 100);
  expect(total).toBe(sum);

  // Print preview: the slip only — no letter pad, no buttons, no header bar.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: /^惠民资金发放明细/ })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '打印明细' })).toBeHidden();
  await expect(page.getByRole('link', { name: '重新开始' })).toBeHidden();
  await expect(page.getByRole('link', { name: '没收到 / 金额不对' }).first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: '打印明细' })).toBeVisible();

  // The complaint link names the payment.
  const complain = page.getByRole('link', { name: '没收到 / 金额不对' }).first();
  await expect(complain).toHaveAttribute('href', /^\/inquiries\/new\?type=complaint&record=disbursement:\d+$/);
  const href = (await complain.getAttribute('href'))!;
  const id = Number(href.split(':').pop());
  const { testDb } = await import('../site/helpers.ts');
  const db = testDb();
  const owner = db.$client.prepare('SELECT recipient_id FROM disbursements WHERE id = ?').pluck().get(id);
  db.$client.close();
  expect(owner).toBe(h.recipientId);
  await complain.tap();
  await expect(page).toHaveURL(new RegExp(`/inquiries/new\\?type=complaint&record=disbursement:${id}$`));
});

test('namesakes: a full name typed finds the masked households, told apart by ID tail, never showing the name', async ({ page }) => {
  const [a, b] = maskedNamesakes();
  await page.goto('/kiosk/');
  await toVillage(page, a);
  await page.getByRole('textbox', { name: '姓名（汉字或拼音）' }).fill(a.fullName);
  await expect(hitOf(page, a)).toBeVisible();
  await expect(hitOf(page, b)).toBeVisible();
  await expect(hitOf(page, a)).toContainText(a.nameMasked);
  await expect(hitOf(page, b)).toContainText(b.nameMasked);
  expect(a.idLast4).not.toBe(b.idLast4);
  // The typed name is in the box only: no result spells it out.
  await expect(page.locator('[data-results]')).not.toContainText(a.fullName);
});

test('pinyin: full, surname + initials and initials all find the household', async ({ page }) => {
  const h = publicHousehold();
  const q = pinyinQueries(h.fullName);
  await page.goto('/kiosk/');
  await toVillage(page, h);
  const box = page.getByRole('textbox', { name: '姓名（汉字或拼音）' });
  for (const typed of [q.full, q.mixed, q.initials, h.fullName, q.full.slice(0, -1)]) {
    await box.fill(typed);
    await expect(hitOf(page, h), `typed ${typed}`).toBeVisible();
  }
  await box.fill('qqqzzz');
  await expect(page.getByText(/^没有找到/)).toBeVisible();
});

test('idle for 90 seconds: back to the start, and what was typed is forgotten', async ({ page }) => {
  await page.clock.install();
  const h = publicHousehold();
  await page.goto('/kiosk/');
  await toVillage(page, h);
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await hitOf(page, h).tap();
  await expect(page.getByRole('table')).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(page.getByRole('table')).toBeVisible(); // not yet
  await page.clock.runFor(31_000);
  await expect(page.getByRole('heading', { name: '第一步：请选择您所在的乡镇' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByText(h.fullName)).toHaveCount(0);
  // Back in the same village, nothing typed remains and no household is listed.
  await toVillage(page, h);
  await expect(page.getByRole('textbox', { name: '姓名（汉字或拼音）' })).toHaveValue('');
  await expect(page.locator('[data-results]').getByRole('button')).toHaveCount(0);
});

test('"start again" is always there and clears everything', async ({ page }) => {
  const h = publicHousehold();
  await page.goto('/kiosk/');
  await toVillage(page, h);
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await page.getByRole('link', { name: '重新开始' }).tap();
  await expect(page.getByRole('heading', { name: '第一步：请选择您所在的乡镇' })).toBeVisible();
  await toVillage(page, h);
  await expect(page.getByRole('textbox', { name: '姓名（汉字或拼音）' })).toHaveValue('');
  await expect(page.locator('[data-results]').getByRole('button')).toHaveCount(0);
});

test('a kiosk placed in a village starts there, and "start again" returns there', async ({ page }) => {
  const h = publicHousehold();
  await page.goto(`/kiosk/?village=${h.villageCode}`);
  await expect(page.getByRole('heading', { name: '第三步：按姓名拼音首字母查找' })).toBeVisible();
  await expect(page.getByText(`${h.townshipName} ${h.villageName}`)).toBeVisible();
  await expect(page.getByText(/^本村共 \d+ 户/)).toBeVisible();
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await hitOf(page, h).tap();
  await page.getByRole('link', { name: '重新开始' }).tap();
  await expect(page.getByRole('heading', { name: '第三步：按姓名拼音首字母查找' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '姓名（汉字或拼音）' })).toHaveValue('');
  // Farmers of other villages go back to pick theirs.
  await page.getByRole('button', { name: '返回上一步' }).tap();
  await expect(page.getByRole('heading', { name: '第二步：请选择您所在的村（社区）' })).toBeVisible();
  await expect(page.getByRole('link', { name: h.villageName, exact: true })).toBeVisible();
});

test('offline once the village has loaded: lookups, and even a reload, need no network', async ({ page, context }) => {
  const h = publicHousehold();
  await page.goto('/kiosk/');
  // Wait for the service worker to control the page, so the shard goes through its cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await toVillage(page, h);
  await context.setOffline(true);
  await expect(page.getByText('网络已断开：本村名单已保存在本机，仍可查询。')).toBeVisible();
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await expect(hitOf(page, h)).toBeVisible();

  // A power cut or a reload while the network is still down.
  await page.reload();
  await toVillage(page, h);
  await page.getByRole('textbox', { name: '姓名（汉字或拼音）' }).fill(pinyinQueries(h.fullName).full);
  await expect(hitOf(page, h)).toBeVisible();
  await context.setOffline(false);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the kiosk still leads to the village’s published list', async ({ page }) => {
    const h = publicHousehold();
    await page.goto('/kiosk/');
    await page.getByRole('link', { name: h.townshipName, exact: true }).tap();
    await page.getByRole('link', { name: h.villageName, exact: true }).tap();
    await expect(page).toHaveURL(new RegExp(`/villages/${h.villageCode}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(h.villageName);
  });
});

test('the kiosk remembers the ledger checkpoint it saw and, next start, finds the log consistent', async ({ page }) => {
  await page.goto('/kiosk/');
  const line = page.locator('[data-ledger-kiosk]');
  await expect(line).toContainText(/^公开账本：本机已记下当前版本（\d+ 条记录）/, { timeout: 30_000 });
  await page.reload();
  await expect(line).toHaveText('公开账本：与本机上次所见一致。', { timeout: 30_000 });
  // A checkpoint this machine remembers for a different tree of the same size is a rewrite.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('gongkai.ledger.checkpoint:')) localStorage.setItem(k, 'garbage');
  });
  await page.reload();
  // An unreadable memory starts over rather than warning forever (watch.ts).
  await expect(line).toContainText(/^公开账本：本机已记下当前版本/, { timeout: 30_000 });
});

test('axe (WCAG 2.2 A/AA) at every kiosk step', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
  const check = async (step: string) => {
    const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(r.violations.map((v) => `${step}: ${v.id} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  };
  const h = publicHousehold();
  await page.goto('/kiosk/');
  await check('township');
  await page.getByRole('link', { name: h.townshipName, exact: true }).tap();
  await check('village');
  await page.getByRole('link', { name: h.villageName, exact: true }).tap();
  await tapLetters(page, pinyinQueries(h.fullName).initials);
  await expect(hitOf(page, h)).toBeVisible();
  await check('name');
  await hitOf(page, h).tap();
  await expect(page.getByRole('table')).toBeVisible();
  await check('household');
});
