// An independent check of a generated county, written from docs/data-formats.md rather
// than from the generator: every rule the importer enforces, over clean UTF-8 output.
// The tests run it on the sample; it returns problems as text, empty when all is well.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { hasValidCheck } from './idcard.ts';

/** A CSV file as records keyed by header. */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const AMOUNT = /^\d+\.\d{2}$/;
const fen = (s: string): number => Math.round(Number(s) * 100);
const validDate = (s: string | undefined): boolean => {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
/** Birth date inside an ID number is a real date. */
const idBirthOk = (id: string): boolean => validDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);

/** Checks the files of `dir` that exist among the eight kinds; returns the problems found. */
export function checkCounty(dir: string, kinds: readonly string[] = ['areas', 'funds', 'disbursements', 'projects', 'budget-lines', 'institutions', 'quotas', 'staff']): string[] {
  const problems: string[] = [];
  const bad = (msg: string): void => void (problems.length < 50 && problems.push(msg));
  const load = (k: string) => (kinds.includes(k) ? readCsv(join(dir, `${k}.csv`)) : []);

  const villages = new Set<string>();
  const townships = new Set<string>();
  for (const r of load('areas')) {
    const [tc, vc] = [r['乡镇代码'] ?? '', r['村代码'] ?? ''];
    if (!/^\d{9}$/.test(tc) || !/^\d{12}$/.test(vc) || !vc.startsWith(tc)) bad(`area codes ${tc} ${vc}`);
    const key = `${r['乡镇']}/${r['村']}`;
    if (villages.has(key)) bad(`village twice: ${key}`);
    villages.add(key);
    townships.add(r['乡镇'] ?? '');
  }

  const fundKind = new Map<string, string>();
  for (const r of load('funds')) {
    const code = r['资金编码'] ?? '';
    if (!/^[A-Za-z0-9-]{2,32}$/.test(code) || fundKind.has(code)) bad(`fund code ${code}`);
    if (!['到人到户', '到项目'].includes(r['发放方式'] ?? '')) bad(`fund kind ${r['发放方式']}`);
    if (!['脱敏', '全名', ''].includes(r['姓名公开方式'] ?? '')) bad(`name display ${r['姓名公开方式']}`);
    if (!r['政策依据'] || !r['归口股室'] || !/^\d{4}$/.test(r['年度'] ?? '')) bad(`fund ${code} incomplete`);
    fundKind.set(code, r['发放方式'] ?? '');
  }

  const person = new Map<string, string>();
  const seen = new Set<string>();
  for (const r of load('disbursements')) {
    const id = r['身份证号'] ?? '';
    if (fundKind.get(r['资金编码'] ?? '') !== '到人到户') bad(`disbursement fund ${r['资金编码']}`);
    if (!villages.has(`${r['乡镇']}/${r['村']}`)) bad(`disbursement village ${r['乡镇']}/${r['村']}`);
    if (!hasValidCheck(id) || !idBirthOk(id)) bad(`ID number invalid (row of ${r['户号']})`);
    if (!AMOUNT.test(r['金额(元)'] ?? '') || fen(r['金额(元)'] ?? '') <= 0) bad(`amount ${r['金额(元)']}`);
    if (!validDate(r['审批日期']) || !validDate(r['发放日期']) || (r['发放日期'] ?? '') < (r['审批日期'] ?? '')) bad(`dates ${r['审批日期']} ${r['发放日期']}`);
    if (!r['户号'] || !r['姓名']) bad('household number or name missing');
    const who = `${r['姓名']}|${r['乡镇']}|${r['村']}|${r['户号']}`;
    if ((person.get(id) ?? who) !== who) bad(`one ID number, two people: ${person.get(id)} vs ${who}`);
    person.set(id, who);
    const key = `${r['资金编码']}|${id}|${r['金额(元)']}|${r['发放日期']}`;
    if (seen.has(key)) bad(`duplicate payment ${r['资金编码']} ${r['发放日期']}`);
    seen.add(key);
  }

  const projectCodes = new Set<string>();
  for (const r of load('projects')) {
    if (fundKind.get(r['资金编码'] ?? '') !== '到项目') bad(`project fund ${r['资金编码']}`);
    if (projectCodes.has(r['项目编号'] ?? '')) bad(`project code twice ${r['项目编号']}`);
    projectCodes.add(r['项目编号'] ?? '');
    if (!townships.has(r['乡镇'] ?? '') || (r['村'] && !villages.has(`${r['乡镇']}/${r['村']}`))) bad(`project place ${r['乡镇']}/${r['村']}`);
    if (!AMOUNT.test(r['金额(元)'] ?? '') || fen(r['金额(元)'] ?? '') <= 0 || !r['承建单位']) bad(`project ${r['项目编号']}`);
    if (!['未开工', '在建', '已完工', '停工'].includes(r['状态'] ?? '')) bad(`status ${r['状态']}`);
    for (const c of ['批复日期', '拨付日期', '开工日期', '竣工日期']) if (r[c] && !validDate(r[c])) bad(`project date ${r[c]}`);
    if (r['拨付日期'] && (r['拨付日期'] ?? '') < (r['批复日期'] ?? '')) bad(`project paid before approval ${r['项目编号']}`);
    if (r['竣工日期'] && (r['竣工日期'] ?? '') < (r['开工日期'] ?? '')) bad(`project ends before it starts ${r['项目编号']}`);
  }

  const unitName = new Map<string, string>();
  const groups = new Map<string, { codes: string[]; fen: number }>();
  for (const r of load('budget-lines')) {
    const unit = r['预算单位编码'] ?? '';
    if ((unitName.get(unit) ?? r['预算单位']) !== r['预算单位']) bad(`unit ${unit} has two names`);
    unitName.set(unit, r['预算单位'] ?? '');
    if (!/^(\d{3}|\d{5}|\d{7})$/.test(r['科目编码'] ?? '')) bad(`subject code ${r['科目编码']}`);
    if (!['功能分类', '经济分类'].includes(r['分类'] ?? '')) bad(`classification ${r['分类']}`);
    if (r['三公经费'] && !['因公出国(境)', '公务接待', '公务用车购置', '公务用车运行'].includes(r['三公经费'])) bad(`三公 ${r['三公经费']}`);
    if (!AMOUNT.test(r['金额(元)'] ?? '')) bad(`budget amount ${r['金额(元)']}`);
    const key = `${r['年度']}|${unit}|${r['分类']}`;
    const g = groups.get(key) ?? { codes: [], fen: 0 };
    g.codes.push(r['科目编码'] ?? '');
    g.fen += fen(r['金额(元)'] ?? '');
    groups.set(key, g);
  }
  for (const [key, g] of groups) {
    for (const a of g.codes) for (const b of g.codes) if (a !== b && b.startsWith(a)) bad(`subtotal line ${a} over ${b} in ${key}`);
    if (new Set(g.codes).size !== g.codes.length) bad(`subject twice in ${key}`);
    if (key.endsWith('功能分类')) {
      const other = groups.get(key.replace('功能分类', '经济分类'));
      if (other && other.fen !== g.fen) bad(`classification totals differ for ${key}: ${g.fen} vs ${other.fen}`);
    }
  }

  const institutions = new Set<string>();
  for (const r of load('institutions')) {
    if (institutions.has(r['机构编码'] ?? '')) bad(`institution twice ${r['机构编码']}`);
    institutions.add(r['机构编码'] ?? '');
    if (!['行政', '事业'].includes(r['机构类别'] ?? '') || !/^\d+$/.test(r['领导职数'] ?? '')) bad(`institution ${r['机构编码']}`);
  }
  const quotaKeys = new Set<string>();
  for (const r of load('quotas')) {
    const key = `${r['机构编码']}|${r['编制类型']}`;
    if (!institutions.has(r['机构编码'] ?? '') || quotaKeys.has(key)) bad(`quota ${key}`);
    quotaKeys.add(key);
    if (!['行政编制', '事业编制', '工勤编制'].includes(r['编制类型'] ?? '') || !/^\d+$/.test(r['核定编制数'] ?? '')) bad(`quota ${key}`);
  }
  const staffIds = new Set<string>();
  for (const r of load('staff')) {
    const id = r['身份证号'] ?? '';
    if (!institutions.has(r['机构编码'] ?? '')) bad(`staff institution ${r['机构编码']}`);
    if (!hasValidCheck(id) || !idBirthOk(id) || staffIds.has(id)) bad('staff ID number invalid or repeated');
    staffIds.add(id);
    const male = Number(id[16]) % 2 === 1;
    if (r['性别'] !== (male ? '男' : '女')) bad('staff gender does not match the ID number');
    if (r['入编时间'] && (!validDate(r['入编时间']) || (r['入编时间'] ?? '') < `${Number(id.slice(6, 10)) + 18}`)) bad(`joined ${r['入编时间']}`);
  }
  return problems;
}
