// Every public page type, in both locales, against axe with the WCAG 2.2 A/AA rules (issue 3).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pageTypeUrls, testDb } from './helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const db = testDb();
const urls = [...pageTypeUrls(db, ''), ...pageTypeUrls(db, '/en'), '/no-such-page/'];
db.$client.close();

for (const url of urls) {
  test(`axe: ${url}`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
    expect(found).toEqual([]);
  });
}

test('pages work without JavaScript and keep the skip link first', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/funds/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.getByRole('link', { name: '2025' }).first().click();
  await expect(page).toHaveURL(/\/funds\/filter\/2025\/all\/all\/$/);
  await context.close();
});
