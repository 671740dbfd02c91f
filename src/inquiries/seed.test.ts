import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../db/testing.ts';
import { annualReport } from './disclosure.ts';
import { disclosureItems, publicList, statItems } from './reads.ts';
import { seedInquiries } from './seed.ts';
import { statistics } from './stats.ts';
import { seedUnits } from './testing.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedUnits(t.db, [['101001', '县财政局'], ['102001', '县人民政府办公室'], ['103001', '县发展和改革局'], ['104001', '县审计局']]);
});
afterEach(() => t.cleanup());

it('seeds a year and more of inquiries whose statistics and annual report are not empty and balance', () => {
  const n = seedInquiries(t.db, '2026-11-20');
  expect(n).toBeGreaterThan(50);
  expect(seedInquiries(t.db, '2026-11-20')).toBe(0); // idempotent
  const st = statistics(statItems(t.db), '2026-11-20');
  expect(st.total.answered).toBeGreaterThan(40);
  expect(st.total.answered).toBeLessThan(st.total.received); // some still open
  expect(st.total.onTimeRate).toBeLessThan(1); // some late
  expect(st.byDepartment.some((g) => g.small)).toBe(true);
  expect(st.ranked.length).toBeGreaterThan(1);
  expect(publicList(t.db).total).toBe(st.total.answered);
  for (const year of [2025, 2026]) {
    const r = annualReport(disclosureItems(t.db), year);
    expect(r.balanced).toBe(true);
    expect(r.newThisYear.total).toBeGreaterThan(0);
  }
});
