// CSV kind `budget-lines`: department budgets by functional and economic classification.
import { and, eq, sql } from 'drizzle-orm';
import { parseAmountFen, parseEnum, parseText, parseYear, type Parsed } from '../import/fields.ts';
import { defineKind, opt, req } from '../import/kind.ts';
import { budgetLines, budgetUnits, type Classification } from './schema.ts';

const CLASSIFICATION_LABELS = { 功能分类: 'function', 功能: 'function', function: 'function', 经济分类: 'economic', 经济: 'economic', economic: 'economic' } as const;
const SAN_GONG_LABELS = {
  '因公出国(境)': 'overseas',
  因公出国境: 'overseas',
  因公出国: 'overseas',
  overseas: 'overseas',
  公务接待: 'reception',
  reception: 'reception',
  公务用车购置: 'vehicle_purchase',
  vehicle_purchase: 'vehicle_purchase',
  公务用车运行: 'vehicle_operation',
  公务用车运行维护: 'vehicle_operation',
  vehicle_operation: 'vehicle_operation',
} as const;

const subjectCode = (raw: string): Parsed<string> =>
  /^(\d{3}|\d{5}|\d{7})$/.test(raw) ? { ok: true, value: raw } : { ok: false, code: 'code.format', params: { min: 3, max: 7 } };
const unitCode = (raw: string): Parsed<string> =>
  /^[0-9A-Za-z-]{1,20}$/.test(raw) ? { ok: true, value: raw } : { ok: false, code: 'code.format', params: { min: 1, max: 20 } };

export const budgetLinesKind = defineKind({
  name: 'budget-lines',
  title: { zh: '部门预算', en: 'Department budgets' },
  amountColumn: 'amount',
  columns: {
    year: req(['年度', '预算年度', 'year'], parseYear),
    unitCode: req(['预算单位编码', '单位编码', 'unit_code'], unitCode),
    unitName: req(['预算单位', '预算单位名称', '单位名称', 'unit_name'], (s) => parseText(s, 60)),
    classification: req(['分类', '科目分类', 'classification'], (s) => parseEnum(s, CLASSIFICATION_LABELS)),
    subjectCode: req(['科目编码', '科目代码', 'subject_code'], subjectCode),
    subjectName: req(['科目名称', 'subject_name'], (s) => parseText(s, 60)),
    amount: req(['金额(元)', '预算数(元)', '预算金额', '金额', 'amount'], (s) => parseAmountFen(s, { allowZero: true })),
    sanGong: opt(['三公经费', '三公', 'san_gong'], (s) => parseEnum(s, SAN_GONG_LABELS)),
  },
  open({ db, batchId, problem }) {
    const units = new Map(db.select().from(budgetUnits).all().map((u) => [u.code, u]));
    const existingLines = db
      .select({ subjectCode: budgetLines.subjectCode, amountFen: budgetLines.amountFen, batchId: budgetLines.batchId })
      .from(budgetLines)
      .where(
        and(
          eq(budgetLines.unitId, sql.placeholder('unitId')),
          eq(budgetLines.year, sql.placeholder('year')),
          eq(budgetLines.classification, sql.placeholder('classification')),
        ),
      )
      .prepare();
    // unit/year/classification → subject code → { row (0 = earlier batch), amount }
    const groups = new Map<string, { unitId: number; unitName: string; year: number; classification: Classification; lines: Map<string, { row: number; amountFen: number; batch?: number }> }>();
    const group = (unitId: number, unitName: string, year: number, classification: Classification) => {
      const key = `${unitId}/${year}/${classification}`;
      let g = groups.get(key);
      if (!g) {
        const lines = new Map(existingLines.all({ unitId, year, classification }).map((l) => [l.subjectCode, { row: 0, amountFen: l.amountFen, batch: l.batchId }]));
        g = { unitId, unitName, year, classification, lines };
        groups.set(key, g);
      }
      return g;
    };
    return {
      add(r, row) {
        let unit = units.get(r.unitCode);
        if (unit && unit.name !== r.unitName) {
          return problem({ column: 'unitName', value: r.unitName, code: 'budget.unit_name', params: { value: r.unitCode, name: unit.name } });
        }
        if (!unit) {
          unit = db.insert(budgetUnits).values({ code: r.unitCode, name: r.unitName, batchId }).returning().get();
          units.set(unit.code, unit);
        }
        const g = group(unit.id, unit.name, r.year, r.classification);
        const earlier = g.lines.get(r.subjectCode);
        if (earlier) {
          return earlier.row
            ? problem({ column: 'subjectCode', value: r.subjectCode, code: 'unique.in_file', params: { row: earlier.row } })
            : problem({ column: 'subjectCode', value: r.subjectCode, code: 'unique.exists', params: { batch: earlier.batch ?? '?' } });
        }
        g.lines.set(r.subjectCode, { row, amountFen: r.amount });
        db.insert(budgetLines)
          .values({ batchId, unitId: unit.id, year: r.year, classification: r.classification, subjectCode: r.subjectCode, subjectName: r.subjectName, amountFen: r.amount, sanGong: r.sanGong })
          .run();
      },
      finish() {
        // Subtotal rows would be counted twice: only the most detailed subjects are listed.
        for (const g of groups.values()) {
          const codes = [...g.lines.keys()].sort();
          for (let i = 0; i + 1 < codes.length; i++) {
            const a = codes[i]!;
            const b = codes[i + 1]!;
            if (b.startsWith(a)) {
              const line = g.lines.get(a)!;
              problem({ row: line.row || g.lines.get(b)!.row, column: 'subjectCode', value: a, code: 'budget.subtotal', params: { other: b } });
            }
          }
        }
        // The two classifications are two views of one budget: their totals must agree.
        for (const fn of groups.values()) {
          if (fn.classification !== 'function') continue;
          const econ = groups.get(`${fn.unitId}/${fn.year}/economic`);
          if (!econ) continue;
          const sum = (g: typeof fn) => [...g.lines.values()].reduce((s, l) => s + l.amountFen, 0);
          const [a, b] = [sum(fn), sum(econ)];
          if (a !== b) {
            const row = Math.max(...[...econ.lines.values()].map((l) => l.row));
            problem({ row, column: 'amount', value: null, code: 'budget.totals_differ', params: { unit: fn.unitName, year: fn.year, fn: yuan(a), econ: yuan(b) } });
          }
        }
      },
    };
  },
});

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
