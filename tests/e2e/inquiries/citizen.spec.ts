// Citizens file and follow inquiries (issue 5): without JavaScript, and with it.
import { expect, test } from '@playwright/test';
import { testDb } from '../site/helpers.ts';
import { fileInquiry, track } from './helpers.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a payment’s “report a problem” link files a complaint tied to it; the receipt follows it', async ({ page }) => {
    const db = testDb();
    const id = db.$client.prepare('SELECT id FROM disbursements ORDER BY id LIMIT 1').pluck().get() as number;
    db.$client.close();
    await page.goto(`/inquiries/new?type=complaint&record=disbursement:${id}`);
    await expect(page.getByRole('radio', { name: '投诉' })).toBeChecked();
    await expect(page.getByText('本件关联公开记录')).toBeVisible();

    // Too short: refused with a message per field, and what was typed is kept.
    await page.getByLabel('标题').fill('补');
    await page.getByRole('button', { name: '提交' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('标题太短');
    await expect(alert).toContainText('内容太短');
    await expect(page.getByLabel('标题')).toHaveValue('补');

    const r = await fileInquiry(page, '补贴没有到账', '这笔补贴显示已发放，但我的卡上没有收到，请核实。', { name: '测试人', phone: '13800001234' });
    // The receipt is shown once.
    await page.reload();
    await expect(page.locator('[data-receipt="code"]')).toHaveCount(0);

    await track(page, r);
    await expect(page.getByRole('heading', { level: 2, name: '补贴没有到账' })).toBeVisible();
    await expect(page.locator('[data-status]')).toHaveText(/已收到，待分办/);
    await expect(page.locator('[data-deadline]')).toBeVisible();
    await expect(page.getByText(/起数 10 个工作日/)).toBeAttached(); // how the deadline was computed
    await expect(page.getByText('13800001234')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /·/ }).filter({ hasText: '¥' })).toHaveAttribute('href', /^\/villages\/\d+\/#r\d+$/); // the payment it is about

    // A wrong code shows nothing of the case.
    await track(page, { number: r.number, code: 'AAAAA-BBBBB' });
    await expect(page.getByRole('alert')).toContainText('查询编号或查询码不正确');
    await expect(page.getByText('补贴没有到账')).toHaveCount(0);
  });
});

test.describe('with JavaScript', () => {
  test('the answer library is suggested while typing, and “this answered my question” is counted', async ({ page }) => {
    await page.goto('/inquiries/new');
    const suggest = page.getByRole('heading', { name: '这些答复也许能解决您的问题' });
    await expect(suggest).toBeHidden();
    await page.getByLabel('内容').fill('我家的养老金这个月还没到账');
    await expect(suggest).toBeVisible();
    await page.getByText('城乡居民基本养老保险待遇什么时候发放？').click();
    await expect(page.getByText(/每月 10 日前打入/)).toBeVisible();
    await page.getByRole('button', { name: '这条答复解决了我的问题' }).first().click();
    await expect(page.getByText('谢谢！已记录。')).toBeVisible();

    // Still free to file, with the same form.
    await page.getByRole('radio', { name: '咨询' }).check();
    const r = await fileInquiry(page, '养老金发放时间', '我家的养老金这个月还没到账，想问发放时间。');
    await track(page, r);
    await expect(page.locator('[data-status]')).toHaveText(/已收到/);
  });

  test('the English form refuses bad input in English', async ({ page }) => {
    await page.goto('/en/inquiries/new');
    await page.getByLabel('Subject').fill('x');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('alert')).toContainText('Subject is too short');
  });
});
