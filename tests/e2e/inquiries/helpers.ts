// Shared steps for the inquiry journeys: filing through the real form, following a case,
// staff accounts and sign-in come from the back office's helpers.
import { expect, type Page } from '@playwright/test';
// Staff accounts and signing in are the back office's helpers.
export { ensureUser, logIn } from '../backoffice/helpers.ts';

export interface Receipt {
  number: string;
  code: string;
}

/** Fill in and submit the form (already open), returning the receipt it shows. */
export async function fileInquiry(page: Page, subject: string, body: string, extra: { phone?: string; name?: string } = {}): Promise<Receipt> {
  await page.getByLabel('标题').fill(subject);
  await page.getByLabel('内容').fill(body);
  if (extra.name) await page.getByLabel('姓名（选填，不公开）').fill(extra.name);
  if (extra.phone) await page.getByLabel('电话（选填，不公开）').fill(extra.phone);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '已收到' })).toBeVisible();
  const number = (await page.locator('[data-receipt="number"]').textContent())?.trim() ?? '';
  const code = (await page.locator('[data-receipt="code"]').textContent())?.trim() ?? '';
  expect(number).toMatch(/^\d{8}-[0-9A-Z]{6}$/);
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return { number, code };
}

/** Open the tracking page and look the case up. */
export async function track(page: Page, r: Receipt): Promise<void> {
  await page.goto('/inquiries/track/');
  await page.getByLabel('查询编号').fill(r.number);
  await page.getByLabel('查询码').fill(r.code);
  await page.getByRole('button', { name: '查询' }).click();
}

/** A figure on the statistics page, as a number. */
export async function figure(page: Page, name: string): Promise<number> {
  await page.goto('/inquiries/stats/');
  return Number((await page.locator(`[data-figure="${name}"]`).textContent())?.replace(/[^\d.]/g, ''));
}
