// Read queries for department budgets (部门预算), for the public pages.
import type { Db } from '../db/client.ts';
import { PUBLISHED, perDb } from '../db/read.ts';
import { SAN_GONG, type BudgetLine, type BudgetUnit, type SanGong } from './schema.ts';

export interface UnitYear {
  year: number;
  /** the unit's total for the year (both classifications add up to it) */
  totalFen: number;
  sanGong: Record<SanGong, number>;
}

export interface BudgetUnitSummary extends Pick<BudgetUnit, 'id' | 'code' | 'name'> {
  /** years in ascending order */
  years: UnitYear[];
}

export type LineRow = Pick<BudgetLine, 'year' | 'classification' | 'subjectCode' | 'subjectName' | 'amountFen' | 'sanGong'>;

function emptySanGong(): Record<SanGong, number> {
  return Object.fromEntries(SAN_GONG.map((k) => [k, 0])) as Record<SanGong, number>;
}

/** Every published budget unit with its total and 三公 expenses per year, by unit code. */
export const budgetUnitSummaries = perDb((db: Db): BudgetUnitSummary[] => {
  const units = db.$client.prepare(`SELECT id, code, name FROM budget_units u WHERE ${PUBLISHED('u')} ORDER BY code`).all() as Pick<
    BudgetUnit,
    'id' | 'code' | 'name'
  >[];
  // A year's total is its function-classified lines; a unit that filed only economic lines
  // for a year is totalled from those (the importer checks both agree when both exist).
  const totals = db.$client
    .prepare(
      `SELECT unit_id, year, classification, sum(amount_fen)
         FROM budget_lines l WHERE ${PUBLISHED('l')}
        GROUP BY unit_id, year, classification`,
    )
    .raw()
    .all() as [number, number, BudgetLine['classification'], number][];
  const sanGong = db.$client
    .prepare(
      `SELECT unit_id, year, san_gong, sum(amount_fen)
         FROM budget_lines l WHERE san_gong IS NOT NULL AND ${PUBLISHED('l')}
        GROUP BY unit_id, year, san_gong`,
    )
    .raw()
    .all() as [number, number, SanGong, number][];
  const byUnit = new Map<number, Map<number, UnitYear>>();
  const yearOf = (unit: number, year: number): UnitYear => {
    const years = byUnit.get(unit) ?? (byUnit.set(unit, new Map()).get(unit) as Map<number, UnitYear>);
    return years.get(year) ?? (years.set(year, { year, totalFen: 0, sanGong: emptySanGong() }).get(year) as UnitYear);
  };
  for (const [unit, year, cls, sum] of totals) {
    const y = yearOf(unit, year);
    if (cls === 'function' || y.totalFen === 0) y.totalFen = sum;
  }
  for (const [unit, year, kind, sum] of sanGong) yearOf(unit, year).sanGong[kind] = sum;
  return units.map((u) => ({ ...u, years: [...(byUnit.get(u.id)?.values() ?? [])].sort((a, b) => a.year - b.year) }));
});

/** A unit's published lines, every year and classification, by subject code. */
export function unitLines(db: Db, unitId: number): LineRow[] {
  return db.$client
    .prepare(
      `SELECT year, classification, subject_code AS subjectCode, subject_name AS subjectName,
              amount_fen AS amountFen, san_gong AS sanGong
         FROM budget_lines l WHERE unit_id = ? AND ${PUBLISHED('l')}
        ORDER BY year, classification, subject_code`,
    )
    .all(unitId) as LineRow[];
}
