// The overview's figures against plain aggregate SQL on a real SQLite file with the
// migrations applied and the sample county loaded (issue 3: "the overview's figures equal
// aggregate queries on the same database").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { TEST_ID_KEY, tempDb, type TempDb } from '../db/testing.ts';
import { importFiles } from '../import/run.ts';
import { sampleFiles } from '../publish/sample.ts';
import { fundSummaries, fundVillageStats } from '../funds/queries.ts';
import { groupsOf, paymentStore, villagePages, PAGE_PAYMENTS } from '../funds/payment-queries.ts';
import { countyOverview } from './overview.ts';

let t: TempDb;

beforeAll(async () => {
  t = tempDb();
  const result = await importFiles(t.db, sampleFiles(), { user: 'test', idKey: TEST_ID_KEY });
  expect(result.ok).toBe(true);
});
afterAll(() => t.cleanup());

const one = (sql: string): number => t.db.$client.prepare(sql).pluck().get() as number;

describe('countyOverview', () => {
  it('counts funds, money, payments and projects as SQL does', () => {
    const o = countyOverview(t.db);
    expect(o.funds).toBe(one('SELECT count(*) FROM funds'));
    expect(o.payments).toBe(one('SELECT count(*) FROM disbursements'));
    expect(o.projects).toBe(one('SELECT count(*) FROM projects'));
    expect(o.fundAmountFen).toBe(one('SELECT (SELECT sum(amount_fen) FROM disbursements) + (SELECT coalesce(sum(amount_fen), 0) FROM projects)'));
    expect(o.payments).toBeGreaterThan(0);
  });

  it('totals the latest budget year and the staffing as SQL does', () => {
    const o = countyOverview(t.db);
    const year = one('SELECT max(year) FROM budget_lines');
    expect(o.budgetYear).toBe(year);
    expect(o.budgetUnits).toBe(one('SELECT count(*) FROM budget_units'));
    expect(o.budgetTotalFen).toBe(one(`SELECT sum(amount_fen) FROM budget_lines WHERE year = ${year} AND classification = 'function'`));
    expect(o.institutions).toBe(one('SELECT count(*) FROM institutions'));
    expect(o.staff).toBe(one('SELECT count(*) FROM staff'));
  });

  it('splits payment timing into ≤3, 4–10 and >10 days the way the dates say', () => {
    const o = countyOverview(t.db);
    const days = 'julianday(paid_on) - julianday(approved_on)';
    expect(o.timing.within3).toBe(one(`SELECT count(*) FROM disbursements WHERE ${days} <= 3`));
    expect(o.timing.over10).toBe(one(`SELECT count(*) FROM disbursements WHERE ${days} > 10`));
    expect(o.timing.within3 + o.timing.within10 + o.timing.over10).toBe(o.payments);
  });

  it('leaves out rows of batches that are not published', () => {
    const before = countyOverview(t.db).payments;
    t.db.$client.exec("UPDATE import_batches SET status = 'pending' WHERE kind = 'disbursements'");
    try {
      // perDb memoises per handle, so ask through a fresh one on the same file.
      const fresh = openDb(t.path);
      expect(countyOverview(fresh).payments).toBe(0);
      fresh.$client.close();
    } finally {
      t.db.$client.exec("UPDATE import_batches SET status = 'published' WHERE kind = 'disbursements'");
    }
    expect(before).toBeGreaterThan(0);
  });
});

describe('fund and village aggregates', () => {
  it('fund totals add up to the fund × village table and to SQL per fund', () => {
    const perFund = new Map((t.db.$client.prepare('SELECT fund_id, count(*), sum(amount_fen) FROM disbursements GROUP BY fund_id').raw().all() as [number, number, number][]).map(([id, n, s]) => [id, [n, s]]));
    for (const f of fundSummaries(t.db)) {
      const [n, s] = perFund.get(f.id) ?? [0, 0];
      expect([f.payments, f.amountFen]).toEqual([n, s]);
    }
    const cells = fundVillageStats(t.db);
    expect(cells.reduce((a, c) => a + c.payments, 0)).toBe(one('SELECT count(*) FROM disbursements'));
  });

  it('village pages hold every payment once, in pages of about PAGE_PAYMENTS, without splitting a household', () => {
    const s = paymentStore(t.db);
    let payments = 0;
    for (const pages of villagePages(t.db).values()) {
      for (const p of pages) {
        payments += p.payments;
        const next = s.recipients[p.to];
        if (next && next.villageId === p.villageId) expect(next.householdNo).not.toBe(s.recipients[p.to - 1]?.householdNo);
        if (p.page < pages.length) expect(p.payments).toBeGreaterThanOrEqual(PAGE_PAYMENTS);
      }
    }
    expect(payments).toBe(one('SELECT count(*) FROM disbursements'));
    expect(s.id.length).toBe(payments);
  });

  it('shows a full name only in groups of full-name funds', () => {
    const s = paymentStore(t.db);
    let fullGroups = 0;
    for (let r = 0; r < s.recipients.length; r++) {
      for (const g of groupsOf(s, r)) {
        const allFull = g.payments.every((p) => s.funds[s.fund[p] as number]?.full);
        if (g.full) {
          fullGroups++;
          expect(allFull).toBe(true);
        } else expect(g.name).toBe(s.recipients[r]?.nameMasked);
      }
    }
    expect(fullGroups).toBeGreaterThan(0);
  });
});
