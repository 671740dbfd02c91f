// The finance-staff journey of issue 6: an uploader sends a CSV with errors, reads the
// report, downloads it, uploads the corrected file; a reviewer approves; the new household
// payment appears on the public site. Plus the four-eyes rule on a real batch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureUser, logIn, publishSettled } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await ensureUser('e2e-uploader', ['uploader']);
  await ensureUser('e2e-reviewer', ['reviewer']);
  await ensureUser('e2e-both', ['uploader', 'reviewer']);
});

test('upload with errors, correct, approve, and the payment is public', async ({ browser }) => {
  test.setTimeout(300_000);
  const up = await browser.newPage();
  await logIn(up, 'e2e-uploader');
  await up.goto('/admin/uploads');
  await up.getByLabel('数据类别').selectOption('disbursements');
  await up.getByLabel('CSV 文件').setInputFiles(join(FIXTURES, 'payments-with-errors.csv'));
  await up.getByRole('button', { name: '上传并校验' }).click();
  await up.waitForURL(/\/admin\/uploads\/\d+$/);

  // The report: a count, and each problem with its row, column, value and reason (zh + en).
  await expect(up.getByRole('alert')).toContainText('发现 4 个问题，数据库没有任何改动');
  const rows = up.locator('table.errors tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('身份证号');
  await expect(rows.nth(0)).toContainText('430524********1230'); // masked, never the full number
  await expect(rows.nth(0)).toContainText('身份证号校验位不对');
  await expect(rows.nth(0)).toContainText('Wrong ID check digit');
  await expect(rows.nth(2)).toContainText('2025-02-30');
  await expect(rows.nth(3)).toContainText('不存在村');
  const [download] = await Promise.all([up.waitForEvent('download'), up.getByRole('link', { name: /下载问题清单/ }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
  expect(csv).toContain('id.check_digit');
  expect(csv).not.toContain('430524198002141230');

  await up.getByRole('link', { name: '改正后重新上传' }).click();
  await expect(up.getByLabel('数据类别')).toHaveValue('disbursements');
  await up.getByLabel('CSV 文件').setInputFiles(join(FIXTURES, 'payments-corrected.csv'));
  await up.getByRole('button', { name: '上传并校验' }).click();
  await up.waitForURL(/\/admin\/uploads\/\d+$/);
  const ok = up.getByRole('status');
  await expect(ok).toContainText('校验通过：2 行数据已成为第');
  const batch = /第 (\d+) 批/.exec((await ok.textContent()) ?? '')![1]!;

  // Not public yet.
  const citizen = await browser.newPage();
  await citizen.goto('/villages/430524101001/');
  await expect(citizen.getByText('欧阳明远')).toHaveCount(0);

  const rev = await browser.newPage();
  await logIn(rev, 'e2e-reviewer');
  await rev.goto('/admin/review');
  await rev.getByRole('link', { name: `审核 ${batch}` }).click();
  await expect(rev.getByText('这个批次新增 2 条')).toBeVisible();
  await expect(rev.getByRole('table', { name: '按资金对比已公开的数据' })).toContainText('2,110.56');
  await expect(rev.getByRole('table', { name: /样例/ })).toContainText('欧**远');
  await rev.getByRole('button', { name: '批准并发布' }).click();
  await expect(rev.getByRole('status')).toContainText(`已批准第 ${batch} 批`);

  const result = await publishSettled();
  expect(result.error).toBeNull();
  expect(result.status).toBe('done');
  await rev.goto('/admin/publish');
  await expect(rev.locator('tbody tr').first()).toContainText('已上线');

  await citizen.goto('/villages/430524101001/');
  // Household 0901 sorts last; a village long enough to page shows it on its last page.
  const pages = citizen.getByRole('navigation', { name: '本村各页' }).first().getByRole('link');
  if ((await pages.count()) > 0) await pages.last().click();
  await expect(citizen.getByText('欧阳明远').first()).toBeVisible();
  await expect(citizen.locator('body')).toContainText('1,234.56');
});

test('the uploader of a batch cannot approve it, even as a reviewer', async ({ page }) => {
  await logIn(page, 'e2e-both');
  await page.goto('/admin/uploads');
  await page.getByLabel('数据类别').selectOption('funds');
  await page.getByLabel('CSV 文件').setInputFiles(join(FIXTURES, 'funds-new.csv'));
  await page.getByRole('button', { name: '上传并校验' }).click();
  const ok = page.getByRole('status');
  await expect(ok).toContainText('校验通过');
  const batch = /第 (\d+) 批/.exec((await ok.textContent()) ?? '')![1]!;
  await page.goto(`/admin/review/${batch}`);
  await expect(page.getByText('这个批次是您上传的')).toBeVisible();
  await expect(page.getByRole('button', { name: '批准并发布' })).toHaveCount(0);
  // The server refuses even a hand-made approval.
  const token = await page.locator('input[name=_csrf]').first().inputValue();
  const r = await page.request.post(`/admin/review/${batch}`, { form: { _csrf: token, decision: 'approve', note: '' }, maxRedirects: 0 });
  expect(r.status()).toBe(403);
  await page.goto(`/admin/review/${batch}`);
  await expect(page.getByText('待审核').first()).toBeVisible();
  // Sending it back needs a reason, then removes it.
  await page.getByRole('button', { name: '退回' }).click();
  await expect(page.getByRole('alert')).toContainText('退回时请写明原因');
  await page.getByLabel('说明（退回时必填）').fill('测试退回');
  await page.getByRole('button', { name: '退回' }).click();
  await expect(page.getByRole('status')).toContainText(`已退回第 ${batch} 批`);
});
