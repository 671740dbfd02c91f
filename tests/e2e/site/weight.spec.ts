// Page weight budget (issue 3): each page type's HTML + CSS + JS under 30 KB compressed,
// charts' inline SVG excluded. The table of weights is printed for the record.
import { expect, test } from '@playwright/test';
import { formatWeights, PAGE_BUDGET, weighSite } from '../../../src/site/weight.ts';
import { clientDir } from './helpers.ts';

test('every page type stays within the compressed weight budget', async () => {
  const weights = await weighSite(clientDir());
  console.log(`page weight per type (gzip):\n${formatWeights(weights)}`);
  expect(weights.length).toBeGreaterThan(10);
  expect(weights.filter((w) => w.max > PAGE_BUDGET).map((w) => `${w.type}: ${w.max} B (${w.maxPage})`)).toEqual([]);
});
