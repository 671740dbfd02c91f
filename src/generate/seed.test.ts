// The seed county of design.md: its exact counts, checked through the count logic and
// in-memory writers rather than by writing 97 MB in a unit test.
import { describe, expect, it } from 'vitest';
import { buildAreas, SCALES } from './county.ts';
import type { Cell, CsvWriter } from './csv.ts';
import { planDisbursements } from './disbursements.ts';
import { writeBudgets } from './budgets.ts';
import { expectedTotals } from './generate.ts';
import { writeStaffing } from './staffing.ts';
import { YEAR } from './model.ts';

const seed = SCALES.seed;
const capture = (): { w: CsvWriter; rows: Cell[][] } => {
  const rows: Cell[][] = [];
  return { w: { row: (cells: readonly Cell[]) => void rows.push([...cells]) } as unknown as CsvWriter, rows };
};

describe('the seed county', () => {
  const townships = buildAreas(seed, 1);

  it('has 20 townships and 300 villages and communities', () => {
    expect(townships).toHaveLength(20);
    const villages = townships.flatMap((t) => t.villages);
    expect(villages).toHaveLength(300);
    expect(villages.filter((v) => v.kind === '社区').length).toBeGreaterThan(10);
    expect(new Set(villages.map((v) => v.code)).size).toBe(300);
  });

  it('pays 882,804 times from 35 household funds (seeds 1 and 2), with the filler fund not exhausted', () => {
    expect(seed.householdFunds).toHaveLength(35);
    expect(seed.projectFunds).toHaveLength(20);
    for (const s of [1, 2]) {
      const funds = seed.householdFunds.map((fund, i) => ({ code: `F${i}`, fund, filler: fund.name === seed.fillerFund }));
      const plan = planDisbursements({ seed: s, villages: buildAreas(seed, s).flatMap((t) => t.villages), poverty: 1, funds }, 882_804);
      expect(plan.fixedRows + plan.fillerTarget).toBe(882_804);
      expect(plan.fillerTarget).toBeGreaterThan(0);
      expect(plan.fillerTarget).toBeLessThan(plan.fillerEligible);
      expect(plan.limit).toBe(882_804);
    }
  });

  it('has 343 institutions and 11,482 staff, some over establishment and some with vacancies', () => {
    const inst = capture();
    const quotas = capture();
    const staff = capture();
    writeStaffing({ institutions: inst.w, quotas: quotas.w, staff: staff.w }, 1, townships, 343, 11_482);
    expect(inst.rows).toHaveLength(343);
    expect(staff.rows).toHaveLength(11_482);
    expect(new Set(inst.rows.map((r) => r[2]))).toEqual(new Set(['行政', '事业']));
    expect(new Set(quotas.rows.map((r) => r[1]))).toEqual(new Set(['行政编制', '事业编制', '工勤编制']));
    const head = new Map<string, number>();
    for (const r of staff.rows) head.set(`${r[0]}|${r[3]}`, (head.get(`${r[0]}|${r[3]}`) ?? 0) + 1);
    const over = quotas.rows.filter((q) => (head.get(`${q[0]}|${q[1]}`) ?? 0) > (q[2] as number));
    const vacant = quotas.rows.filter((q) => (head.get(`${q[0]}|${q[1]}`) ?? 0) < (q[2] as number));
    expect(over.length).toBeGreaterThanOrEqual(3);
    expect(over.length).toBeLessThan(40);
    expect(vacant.length).toBeGreaterThan(100);
    expect(new Set(staff.rows.map((r) => r[5])).size).toBe(11_482);
  });

  it('budgets 10 units for two years, 1,814.99 万元 this year in each classification', () => {
    const lines = capture();
    writeBudgets(lines.w, 1, 10, seed.budgetTotalFen);
    expect(new Set(lines.rows.map((r) => r[1])).size).toBe(10);
    expect(new Set(lines.rows.map((r) => r[0]))).toEqual(new Set([YEAR - 1, YEAR]));
    const total = (year: number, cls: string): number =>
      lines.rows.filter((r) => r[0] === year && r[3] === cls).reduce((s, r) => s + (r[6] as number), 0);
    expect(total(YEAR, '功能分类')).toBe(1_814_990_000);
    expect(total(YEAR, '经济分类')).toBe(1_814_990_000);
    expect(total(YEAR - 1, '功能分类')).toBe(total(YEAR - 1, '经济分类'));
    expect(lines.rows.some((r) => r[7] === '公务接待')).toBe(true);
  });

  it('adds up to 48,294.84 万元 over households and 518 projects', () => {
    const t = expectedTotals({ scale: 'seed', seed: 1 });
    expect(t.disbursements.rows).toBe(882_804);
    expect(t.projects.rows).toBe(518);
    expect(t.areas.rows).toBe(300);
    expect(t.funds.rows).toBe(55);
    expect(t.institutions.rows).toBe(343);
    expect(t.staff.rows).toBe(11_482);
    expect((t.disbursements.amountFen ?? 0) + (t.projects.amountFen ?? 0)).toBe(48_294_840_000);
  });
});
