// The annual report's table on requests for disclosure (政府信息公开工作年度报告, format of
// 国办公开办函〔2021〕30号, part 三 "收到和处理政府信息公开申请情况"): rows are outcomes,
// columns are who asked. Its identity: new + carried over = concluded + carried forward.
import type { Requester } from './schema.ts';

/** Outcome codes stored on a concluded request, in the table's row order. */
export const OUTCOMES = [
  { code: 'granted', group: 1, zh: '（一）予以公开', en: '(1) Disclosed' },
  { code: 'partial', group: 2, zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly disclosed' },
  { code: 'denied.secret', group: 3, zh: '1.属于国家秘密', en: '1. State secret' },
  { code: 'denied.law', group: 3, zh: '2.其他法律行政法规禁止公开', en: '2. Barred by other laws' },
  { code: 'denied.security', group: 3, zh: '3.危及“三安全一稳定”', en: '3. Endangers security or stability' },
  { code: 'denied.third-party', group: 3, zh: '4.保护第三方合法权益', en: '4. Third parties’ rights' },
  { code: 'denied.internal', group: 3, zh: '5.属于三类内部事务信息', en: '5. Internal affairs' },
  { code: 'denied.process', group: 3, zh: '6.属于四类过程性信息', en: '6. Deliberative information' },
  { code: 'denied.enforcement', group: 3, zh: '7.属于行政执法案卷', en: '7. Enforcement files' },
  { code: 'denied.query', group: 3, zh: '8.属于行政查询事项', en: '8. Administrative queries' },
  { code: 'unable.not-held', group: 4, zh: '1.本机关不掌握相关政府信息', en: '1. Not held by this office' },
  { code: 'unable.not-existing', group: 4, zh: '2.没有现成信息需要另行制作', en: '2. Would have to be newly made' },
  { code: 'unable.unclear', group: 4, zh: '3.补正后申请内容仍不明确', en: '3. Still unclear after correction' },
  { code: 'rejected.petition', group: 5, zh: '1.信访举报投诉类申请', en: '1. A petition or complaint' },
  { code: 'rejected.repeat', group: 5, zh: '2.重复申请', en: '2. Repeated request' },
  { code: 'rejected.published', group: 5, zh: '3.要求提供公开出版物', en: '3. Asks for published material' },
  { code: 'rejected.abusive', group: 5, zh: '4.无正当理由大量反复申请', en: '4. Mass repeated requests' },
  { code: 'rejected.confirm', group: 5, zh: '5.要求行政机关确认或重新出具已获取信息', en: '5. Asks to confirm information already held' },
  { code: 'other.no-correction', group: 6, zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '1. Not corrected in time' },
  { code: 'other.no-fee', group: 6, zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '2. Fee not paid in time' },
  { code: 'other.other', group: 6, zh: '3.其他', en: '3. Other' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['code'];
export const OUTCOME_CODES = OUTCOMES.map((o) => o.code) as unknown as readonly [Outcome, ...Outcome[]];

export const GROUPS: Record<number, { zh: string; en: string }> = {
  3: { zh: '（三）不予公开', en: '(3) Not disclosed' },
  4: { zh: '（四）无法提供', en: '(4) Cannot be provided' },
  5: { zh: '（五）不予处理', en: '(5) Not handled' },
  6: { zh: '（六）其他处理', en: '(6) Otherwise handled' },
};

/** The table's columns: 自然人, then 法人或其他组织 by kind, then 总计. */
export const COLUMNS: Requester[] = ['person', 'business', 'research', 'charity', 'legal', 'other'];

/** One request as the report sees it. */
export interface DisclosureItem {
  requester: Requester;
  receivedDate: string;
  /** the date it was concluded (answered), or null while open */
  concludedDate: string | null;
  outcome: string | null;
}

export type Row = Record<Requester, number> & { total: number };

export interface AnnualReport {
  year: number;
  newThisYear: Row;
  carriedOver: Row;
  outcomes: Record<Outcome, Row>;
  concluded: Row;
  carriedForward: Row;
  /** new + carried over = concluded + carried forward, column by column */
  balanced: boolean;
  /** columns where the identity fails (should be none) */
  imbalances: Requester[];
}

const emptyRow = (): Row => ({ person: 0, business: 0, research: 0, charity: 0, legal: 0, other: 0, total: 0 });
const bump = (row: Row, r: Requester) => {
  row[r]++;
  row.total++;
};

/** The table for `year` from every disclosure request ever received. */
export function annualReport(items: DisclosureItem[], year: number): AnnualReport {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const newThisYear = emptyRow();
  const carriedOver = emptyRow();
  const concluded = emptyRow();
  const carriedForward = emptyRow();
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o.code, emptyRow()])) as Record<Outcome, Row>;
  for (const it of items) {
    if (it.receivedDate > end) continue;
    if (it.concludedDate !== null && it.concludedDate < start) continue; // closed in an earlier year
    if (it.receivedDate >= start) bump(newThisYear, it.requester);
    else bump(carriedOver, it.requester);
    if (it.concludedDate !== null && it.concludedDate <= end) {
      bump(concluded, it.requester);
      const code = (OUTCOMES.some((o) => o.code === it.outcome) ? it.outcome : 'other.other') as Outcome;
      bump(outcomes[code], it.requester);
    } else bump(carriedForward, it.requester);
  }
  const imbalances = [...COLUMNS].filter((c) => newThisYear[c] + carriedOver[c] !== concluded[c] + carriedForward[c]);
  const sumOutcomes = OUTCOMES.reduce((s, o) => s + outcomes[o.code].total, 0);
  const balanced = imbalances.length === 0 && sumOutcomes === concluded.total && newThisYear.total + carriedOver.total === concluded.total + carriedForward.total;
  return { year, newThisYear, carriedOver, outcomes, concluded, carriedForward, balanced, imbalances };
}
