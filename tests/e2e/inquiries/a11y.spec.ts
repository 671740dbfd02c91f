// The inquiry pages in both locales against axe (WCAG 2.2 A/AA), as the public site's are.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PAGES = ['/inquiries/', '/inquiries/new', '/inquiries/new?type=complaint&record=fund:ZX2025-01', '/inquiries/track/', '/inquiries/stats/', '/inquiries/answers/', '/inquiries/done/'];

for (const url of [...PAGES, ...PAGES.map((p) => `/en${p}`)]) {
  test(`axe: ${url}`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
    expect(found).toEqual([]);
  });
}
