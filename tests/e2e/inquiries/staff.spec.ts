// The whole loop (issue 5): a citizen files; the registrar routes it; the department drafts;
// the reviewer returns, then approves; the answer is published with personal data removed;
// the citizen reads it, says it did not resolve the problem (reopened); statistics move.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ensureUser, figure, fileInquiry, logIn, track } from './helpers.ts';

test.beforeAll(async () => {
  await ensureUser('inq-registrar', ['registrar']);
  await ensureUser('inq-handler', ['handler'], '101001');
  await ensureUser('inq-other', ['handler'], '102001');
  await ensureUser('inq-reviewer', ['reviewer']);
});

/** A fresh browser context signed in as `user`. */
async function as(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, user);
  return page;
}

async function openCase(page: Page, number: string): Promise<void> {
  await page.goto('/admin/inquiries');
  await page.getByRole('link', { name: number }).click();
}

test('triage → draft → return → draft → approve → published, tracked and reopened', async ({ browser }) => {
  test.setTimeout(240_000); // seven sign-ins and some twenty pages on a busy two-core machine
  const dialogs: string[] = [];
  const citizen = await browser.newPage();
  citizen.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const received = await figure(citizen, 'received');
  const answered = await figure(citizen, 'answered');

  await citizen.goto('/inquiries/new');
  const r = await fileInquiry(citizen, '路灯维修经费<script>alert(1)</script>', '村口路灯坏了半年，电话 13912345678 联系我。<img src=x onerror=alert(2)>', { name: '王测试', phone: '13912345678' });
  // At least ours (other test files file inquiries in parallel).
  expect(await figure(citizen, 'received')).toBeGreaterThanOrEqual(received + 1);

  // Registrar: routes it to the county government office; sees the contact.
  let staff = await as(browser, 'inq-registrar');
  await openCase(staff, r.number);
  await expect(staff.getByText('王测试 13912345678')).toBeVisible();
  await staff.getByLabel('承办部门').selectOption('102001');
  await staff.getByRole('button', { name: '登记分办' }).click();
  await expect(staff.getByRole('status')).toHaveText('已登记分办。');
  await expect(staff.locator('[data-status]')).toHaveText('办理中');

  // That office's handler forwards it to the finance bureau, and then no longer sees it.
  staff = await as(browser, 'inq-other');
  await openCase(staff, r.number);
  await staff.getByLabel('转至部门').selectOption('101001');
  await staff.getByLabel('说明').fill('属财政局职责');
  await staff.getByRole('button', { name: '转办' }).click();
  await expect(staff.getByRole('status')).toHaveText('已转办。'); // back to their list: no longer theirs
  await expect(staff.getByRole('link', { name: r.number })).toHaveCount(0);

  // The finance bureau's handler drafts (markdown, with a script that must not survive).
  staff = await as(browser, 'inq-handler');
  await openCase(staff, r.number);
  await staff.getByRole('textbox', { name: '答复' }).fill('已安排维修。<script>alert(3)</script>');
  await staff.getByRole('button', { name: '提交审核' }).click();
  await expect(staff.getByRole('status')).toHaveText('答复已提交审核。');

  // Reviewer returns it with a note.
  staff = await as(browser, 'inq-reviewer');
  await openCase(staff, r.number);
  await expect(staff.getByText('王测试 13912345678')).toHaveCount(0); // not the reviewer's to see
  await staff.getByLabel('说明').fill('请写明维修日期');
  await staff.getByRole('button', { name: '退回修改' }).click();
  await expect(staff.getByRole('status')).toHaveText('答复已退回。');

  // Not public yet.
  await citizen.goto(`/inquiries/?q=${encodeURIComponent('已安排维修')}`);
  await expect(citizen.getByText('没有找到答复。')).toBeVisible();

  staff = await as(browser, 'inq-handler');
  await openCase(staff, r.number);
  await staff.getByRole('textbox', { name: '答复' }).fill('已于 **12 月 10 日** 完成维修。<script>alert(4)</script>');
  await staff.getByRole('button', { name: '提交审核' }).click();
  staff = await as(browser, 'inq-reviewer');
  await openCase(staff, r.number);
  await expect(staff.getByLabel('公开的内容（已自动去除个人信息，可修改）')).toHaveValue(/139\*\*\*\*5678/);
  await staff.getByRole('button', { name: '通过并公开' }).click();
  await expect(staff.getByRole('status')).toHaveText('答复已审核通过并公开。');
  const slip = staff.getByRole('table', { name: '办理记录' });
  await expect(slip).toContainText('转办');
  await expect(slip).toContainText('县人民政府办公室 → 县财政局');
  await expect(slip).toContainText('属财政局职责');

  // Published: question with personal data removed, answer rendered safely, text escaped.
  await citizen.goto(`/inquiries/?q=${encodeURIComponent('完成维修')}`);
  const item = citizen.getByRole('article').filter({ hasText: '完成维修' });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('heading')).toHaveText('路灯维修经费<script>alert(1)</script>');
  await expect(item).toContainText('139****5678');
  await expect(item).not.toContainText('13912345678');
  await expect(item).not.toContainText('王测试');
  await expect(item.locator('strong')).toHaveText('12 月 10 日');
  await expect(item.locator('script, img')).toHaveCount(0);

  // The citizen reads it, says it is not resolved (reopened), and rates it.
  await track(citizen, r);
  await expect(citizen.locator('[data-status]')).toHaveText(/已答复/);
  await expect(citizen.getByText('已于 12 月 10 日 完成维修。')).toBeVisible();
  await citizen.getByRole('button', { name: '未解决，重新办理' }).click();
  await expect(citizen.getByRole('status')).toHaveText('已重新交办理部门。');
  await expect(citizen.locator('[data-status]')).toHaveText(/办理中/);
  await expect(citizen.locator('[data-verdict="unresolved"]')).toBeVisible();
  await citizen.getByLabel('为答复打分（1–5）').selectOption('2');
  await citizen.getByRole('button', { name: '提交评分' }).click();
  await expect(citizen.locator('[data-rating="2"]')).toBeVisible();

  // Statistics: one more answered (the department's reply counts; the verdict is apart).
  expect(await figure(citizen, 'answered')).toBe(answered + 1);
  await expect(citizen.locator('[data-identity="ok"]')).toBeVisible();
  expect(dialogs).toEqual([]);
});
