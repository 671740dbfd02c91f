// Department budgets (部门预算) of the county's first-level budget units for the fund year
// and the year before: leaf subjects only, by functional and by economic classification,
// both adding up to the same unit total. The social-insurance and housing-fund lines are
// the same money in both views (30108 ↔ 2080505 …), as in real budget tables.
import type { CsvWriter } from './csv.ts';
import { YEAR } from './model.ts';
import { apportion } from './apportion.ts';
import { Rng } from './prng.ts';

type Subject = readonly [code: string, name: string, weight: number];
interface Unit {
  code: string;
  name: string;
  weight: number;
  /** the unit's own functional subjects; the shared ones are added */
  subjects: readonly Subject[];
}

const UNITS: readonly Unit[] = [
  { code: '101001', name: '县财政局', weight: 15, subjects: [['2010601', '行政运行', 60], ['2010602', '一般行政管理事务', 12], ['2010650', '事业运行', 15], ['2010699', '其他财政事务支出', 8]] },
  { code: '102001', name: '县人民政府办公室', weight: 12, subjects: [['2010301', '行政运行', 60], ['2010302', '一般行政管理事务', 15], ['2010308', '信访事务', 10], ['2010350', '事业运行', 10]] },
  { code: '103001', name: '县发展和改革局', weight: 10, subjects: [['2010401', '行政运行', 60], ['2010402', '一般行政管理事务', 15], ['2010404', '战略规划与实施', 8], ['2010450', '事业运行', 12]] },
  { code: '104001', name: '县审计局', weight: 7, subjects: [['2010801', '行政运行', 65], ['2010804', '审计业务', 25], ['2010899', '其他审计事务支出', 5]] },
  { code: '105001', name: '县统计局', weight: 6, subjects: [['2010501', '行政运行', 60], ['2010507', '专项普查活动', 15], ['2010508', '统计抽样调查', 15]] },
  { code: '106001', name: '县司法局', weight: 11, subjects: [['2040601', '行政运行', 55], ['2040604', '基层司法业务', 20], ['2040605', '普法宣传', 8], ['2040607', '法律援助', 12]] },
  { code: '107001', name: '县商务局', weight: 7, subjects: [['2011301', '行政运行', 60], ['2011308', '招商引资', 20], ['2011350', '事业运行', 10]] },
  { code: '108001', name: '县委办公室', weight: 12, subjects: [['2013101', '行政运行', 60], ['2013102', '一般行政管理事务', 20], ['2013150', '事业运行', 10]] },
  { code: '109001', name: '县人大常委会办公室', weight: 10, subjects: [['2010101', '行政运行', 55], ['2010104', '人大会议', 15], ['2010108', '代表工作', 10], ['2010109', '人大信访工作', 5]] },
  { code: '110001', name: '县政协办公室', weight: 10, subjects: [['2010201', '行政运行', 55], ['2010204', '政协会议', 15], ['2010205', '委员视察', 10], ['2010206', '参政议政', 10]] },
];

// Economic subjects with their usual share of a unit's budget; `sg` marks the 三公 lines.
interface Economic {
  code: string;
  name: string;
  share: number;
  /** how often a unit budgets it at all */
  p?: number;
  sg?: string;
  /** the functional subject holding the same money */
  fn?: readonly [string, string];
}
const ECONOMIC: readonly Economic[] = [
  { code: '30101', name: '基本工资', share: 20 },
  { code: '30102', name: '津贴补贴', share: 18 },
  { code: '30103', name: '奖金', share: 6 },
  { code: '30108', name: '机关事业单位基本养老保险缴费', share: 8, fn: ['2080505', '机关事业单位基本养老保险缴费支出'] },
  { code: '30109', name: '职业年金缴费', share: 3, fn: ['2080506', '机关事业单位职业年金缴费支出'] },
  { code: '30110', name: '职工基本医疗保险缴费', share: 4, fn: ['2101101', '行政单位医疗'] },
  { code: '30112', name: '其他社会保障缴费', share: 0.5 },
  { code: '30113', name: '住房公积金', share: 6, fn: ['2210201', '住房公积金'] },
  { code: '30199', name: '其他工资福利支出', share: 2, p: 0.7 },
  { code: '30201', name: '办公费', share: 3 },
  { code: '30205', name: '水费', share: 0.3, p: 0.8 },
  { code: '30206', name: '电费', share: 1 },
  { code: '30207', name: '邮电费', share: 0.5 },
  { code: '30211', name: '差旅费', share: 1.5 },
  { code: '30212', name: '因公出国（境）费用', share: 0, p: 0.6, sg: '因公出国(境)' },
  { code: '30213', name: '维修（护）费', share: 1, p: 0.8 },
  { code: '30215', name: '会议费', share: 0.8 },
  { code: '30216', name: '培训费', share: 1 },
  { code: '30217', name: '公务接待费', share: 0.6, sg: '公务接待' },
  { code: '30226', name: '劳务费', share: 2, p: 0.7 },
  { code: '30228', name: '工会经费', share: 1 },
  { code: '30229', name: '福利费', share: 0.8 },
  { code: '30231', name: '公务用车运行维护费', share: 1.2, p: 0.9, sg: '公务用车运行' },
  { code: '30239', name: '其他交通费用', share: 2 },
  { code: '30299', name: '其他商品和服务支出', share: 4 },
  { code: '30302', name: '退休费', share: 3, p: 0.6 },
  { code: '30305', name: '生活补助', share: 1, p: 0.5 },
  { code: '31002', name: '办公设备购置', share: 1, p: 0.7 },
  { code: '31013', name: '公务用车购置', share: 2, p: 0.1, sg: '公务用车购置' },
];

type Line = [year: number, code: string, name: string, cls: '功能分类' | '经济分类', subject: string, subjectName: string, fen: number, sg: string | null];

/** One unit's lines for one year, totalling `yuan` in both classifications. */
function unitYear(rng: Rng, unit: Unit, year: number, yuan: number): Line[] {
  const econ = ECONOMIC.filter((e) => rng.chance(e.p ?? 1));
  const amounts = apportion(yuan, econ.map((e) => e.share * rng.bell(1, 0.15, 0.6, 1.4)));
  const lines: Line[] = [];
  const fnLines = new Map<string, [string, number]>();
  let shared = 0;
  econ.forEach((e, i) => {
    const y = amounts[i] as number;
    lines.push([year, unit.code, unit.name, '经济分类', e.code, e.name, y * 100, e.sg ?? null]);
    if (e.fn) {
      fnLines.set(e.fn[0], [e.fn[1], y]);
      shared += y;
    }
  });
  const own = apportion(yuan - shared, unit.subjects.map((s) => s[2] * rng.bell(1, 0.2, 0.5, 1.5)));
  unit.subjects.forEach((s, i) => lines.push([year, unit.code, unit.name, '功能分类', s[0], s[1], (own[i] as number) * 100, null]));
  for (const [code, [name, y]] of fnLines) lines.push([year, unit.code, unit.name, '功能分类', code, name, y * 100, null]);
  return lines;
}

/** Writes `units` budget units × two years; the fund year's budgets total `totalFen`. */
export function writeBudgets(out: CsvWriter, seed: number, units: number, totalFen: number): void {
  const rng = new Rng(seed, 'budgets');
  const chosen = UNITS.slice(0, units);
  const current = apportion(Math.round(totalFen / 100), chosen.map((u) => u.weight * rng.bell(1, 0.15, 0.7, 1.3)));
  chosen.forEach((unit, i) => {
    const now = current[i] as number;
    // Last year's budget was a few per cent smaller, now and then larger.
    const before = Math.round(now * rng.bell(0.95, 0.04, 0.85, 1.08));
    for (const line of [...unitYear(rng, unit, YEAR - 1, before), ...unitYear(rng, unit, YEAR, now)]) out.row(line);
  });
}
