// The whole built output — every file under client/, .gz twins included — holds no full ID
// number and no full name of a recipient published masked (design.md privacy rules).
import { expect, test } from '@playwright/test';
import { nameRules, scanSite } from '../../../src/site/privacy-scan.ts';
import { clientDir, testDb } from './helpers.ts';

test('no full ID number and no masked recipient’s full name anywhere in the build', async () => {
  const db = testDb();
  const rules = nameRules(db);
  const paid = db.$client.prepare('SELECT count(*) FROM disbursements').pluck().get() as number;
  db.$client.close();
  // The scan can only fail if there is something to look for.
  expect(rules.forbidden.size).toBeGreaterThan(0);
  const { files, leaks } = await scanSite(clientDir(), rules);
  expect(files).toBeGreaterThan(100);
  expect(paid).toBeGreaterThan(0);
  expect(leaks.slice(0, 20)).toEqual([]);
});
