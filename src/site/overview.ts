// The overview's headline figures: the county's disclosure table, computed from the same
// per-build aggregates the detail pages use, so the home page and the pages agree.
import type { Db } from '../db/client.ts';
import { perDb } from '../db/read.ts';
import { budgetUnitSummaries } from '../budgets/queries.ts';
import { addTotals, emptyTotals, fundSummaries, type Timing } from '../funds/queries.ts';
import { institutionSummaries } from '../staffing/queries.ts';

export interface Overview {
  funds: number;
  /** household payments plus project amounts */
  fundAmountFen: number;
  /** person/household-times: one per payment */
  payments: number;
  projects: number;
  timing: Timing;
  byYear: { year: number; funds: number; amountFen: number }[];
  budgetUnits: number;
  /** the latest year any unit has a budget for; null with no budgets */
  budgetYear: number | null;
  budgetTotalFen: number;
  institutions: number;
  staff: number;
}

/** The headline figures of the published county. */
export const countyOverview = perDb((db: Db): Overview => {
  const funds = fundSummaries(db);
  const totals = emptyTotals();
  let projects = 0;
  let projectFen = 0;
  const years = new Map<number, { year: number; funds: number; amountFen: number }>();
  for (const f of funds) {
    addTotals(totals, f);
    projects += f.projects;
    projectFen += f.projectAmountFen;
    const y = years.get(f.year) ?? (years.set(f.year, { year: f.year, funds: 0, amountFen: 0 }).get(f.year) as { year: number; funds: number; amountFen: number });
    y.funds++;
    y.amountFen += f.amountFen + f.projectAmountFen;
  }
  const units = budgetUnitSummaries(db);
  const budgetYear = units.reduce<number | null>((m, u) => u.years.reduce((mm, y) => (mm === null || y.year > mm ? y.year : mm), m), null);
  const budgetTotalFen = units.reduce((s, u) => s + (u.years.find((y) => y.year === budgetYear)?.totalFen ?? 0), 0);
  const inst = institutionSummaries(db);
  return {
    funds: funds.length,
    fundAmountFen: totals.amountFen + projectFen,
    payments: totals.payments,
    projects,
    timing: totals.timing,
    byYear: [...years.values()].sort((a, b) => b.year - a.year),
    budgetUnits: units.length,
    budgetYear,
    budgetTotalFen,
    institutions: inst.length,
    staff: inst.reduce((s, i) => s + i.actualTotal, 0),
  };
});
