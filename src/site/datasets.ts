// Open data: every table on the site as a dataset, written as CSV (UTF-8 with BOM, formula-
// neutralised: src/lib/csv.ts) with the Chinese column names staff know from the import
// files, and as JSON with English keys. Money is exact: 元 with two decimals in CSV, integer
// 分 in JSON (keys ending in _fen). The same definitions feed datapackage.json.
import type { Db } from '../db/client.ts';
import { villagesById, areaTree } from '../areas/queries.ts';
import { budgetUnitSummaries, type LineRow } from '../budgets/queries.ts';
import { SAN_GONG } from '../budgets/schema.ts';
import { fundSummaries, fundVillageStats, projectList } from '../funds/queries.ts';
import { groupsOf, isoDay, paymentStore, type PaymentGroup, type PaymentStore, type RecipientEntry, type StoreFund } from '../funds/payment-queries.ts';
import { institutionSummaries, staffByInstitution } from '../staffing/queries.ts';
import { QUOTA_TYPES } from '../staffing/schema.ts';
import { csvCell, csvDocument, csvLine } from '../lib/csv.ts';
import { fenToYuan } from './format.ts';
import { villageTotals } from './village-totals.ts';

export type Cell = string | number | null;
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface Field {
  /** CSV header (Chinese) */
  name: string;
  /** JSON key (English); money fields end in _fen */
  key: string;
  type: FieldType;
  /** English description */
  title: string;
}

const f = (name: string, key: string, type: FieldType, title: string): Field => ({ name, key, type, title });
const money = (name: string, key: string, title: string): Field => f(name, `${key}_fen`, 'number', `${title} (CSV: yuan, 2 decimals; JSON: integer fen)`);

export const FIELDS = {
  funds: [
    f('资金编码', 'code', 'string', 'Fund code'), f('资金名称', 'name', 'string', 'Fund name'), f('年度', 'year', 'integer', 'Year'),
    f('归口股室', 'office', 'string', 'Responsible office'), f('政策依据', 'policy_basis', 'string', 'Policy basis'),
    f('发放方式', 'kind', 'string', 'household or project'), f('公开时限', 'publish_deadline', 'date', 'Publication deadline'),
    f('姓名公开方式', 'name_display', 'string', 'masked or full'), f('发放人次', 'payments', 'integer', 'Payments'),
    f('领取人数', 'recipients', 'integer', 'Recipients'), f('项目数', 'projects', 'integer', 'Projects'),
    money('金额(元)', 'amount', 'Amount paid'), f('公开日期', 'published_on', 'date', 'Published on'),
    f('按时公开', 'on_time', 'boolean', 'Published by the deadline'),
  ],
  fundVillages: [
    f('资金编码', 'fund_code', 'string', 'Fund code'), f('资金名称', 'fund_name', 'string', 'Fund name'),
    f('乡镇代码', 'township_code', 'string', 'Township code'), f('乡镇', 'township', 'string', 'Township'),
    f('村代码', 'village_code', 'string', 'Village code'), f('村', 'village', 'string', 'Village'),
    f('发放人次', 'payments', 'integer', 'Payments'), f('领取人数', 'recipients', 'integer', 'Recipients'), money('金额(元)', 'amount', 'Amount'),
    f('3天以内', 'within_3_days', 'integer', 'Paid within 3 days of approval'), f('4至10天', 'within_10_days', 'integer', 'Paid in 4 to 10 days'),
    f('10天以上', 'over_10_days', 'integer', 'Paid after more than 10 days'),
  ],
  villages: [
    f('乡镇代码', 'township_code', 'string', 'Township code'), f('乡镇', 'township', 'string', 'Township'), f('村代码', 'village_code', 'string', 'Village code'),
    f('村', 'village', 'string', 'Village'), f('类型', 'kind', 'string', '村 or 社区'), f('领取人数', 'recipients', 'integer', 'Recipients'),
    f('发放人次', 'payments', 'integer', 'Payments'), money('金额(元)', 'amount', 'Amount'),
  ],
  projects: [
    f('资金编码', 'fund_code', 'string', 'Fund code'), f('项目编号', 'code', 'string', 'Project code'), f('项目名称', 'name', 'string', 'Project'),
    f('乡镇', 'township', 'string', 'Township'), f('村', 'village', 'string', 'Village'), f('建设地点', 'place', 'string', 'Place'),
    money('金额(元)', 'amount', 'Amount'), f('承建单位', 'contractor', 'string', 'Contractor'), f('批复日期', 'approved_on', 'date', 'Approved on'),
    f('拨付日期', 'paid_on', 'date', 'Paid on'), f('开工日期', 'start_on', 'date', 'Started on'), f('竣工日期', 'end_on', 'date', 'Completed on'),
    f('状态', 'status', 'string', 'planned, in_progress, completed or suspended'),
  ],
  budgetUnits: [
    f('预算单位编码', 'unit_code', 'string', 'Budget unit code'), f('预算单位', 'unit_name', 'string', 'Budget unit'), f('年度', 'year', 'integer', 'Year'),
    money('预算总额(元)', 'total', 'Budget total'),
    ...SAN_GONG.map((k) => money(`三公-${{ overseas: '因公出国(境)', reception: '公务接待', vehicle_purchase: '公务用车购置', vehicle_operation: '公务用车运行' }[k]}(元)`, `san_gong_${k}`, `Three public expenses: ${k}`)),
  ],
  budgetLines: [
    f('年度', 'year', 'integer', 'Year'), f('预算单位编码', 'unit_code', 'string', 'Budget unit code'), f('预算单位', 'unit_name', 'string', 'Budget unit'),
    f('分类', 'classification', 'string', 'function or economic'), f('科目编码', 'subject_code', 'string', 'Subject code'),
    f('科目名称', 'subject_name', 'string', 'Subject'), money('金额(元)', 'amount', 'Amount'), f('三公经费', 'san_gong', 'string', 'Three public expenses category'),
  ],
  institutions: [
    f('机构编码', 'code', 'string', 'Institution code'), f('机构名称', 'name', 'string', 'Institution'), f('机构类别', 'kind', 'string', '行政 or 事业'),
    f('主管部门', 'parent', 'string', 'Supervising department'), f('领导职数', 'leader_posts', 'integer', 'Leadership posts'),
    ...QUOTA_TYPES.map((q) => f(`核定${q}`, `approved_${['admin', 'public', 'support'][QUOTA_TYPES.indexOf(q)]}`, 'integer', `Approved: ${q}`)),
    ...QUOTA_TYPES.map((q) => f(`实有${q}`, `actual_${['admin', 'public', 'support'][QUOTA_TYPES.indexOf(q)]}`, 'integer', `In post: ${q}`)),
    f('空编', 'vacancies', 'integer', 'Vacant posts'), f('超编', 'over', 'integer', 'People over establishment'),
  ],
  staff: [
    f('机构编码', 'institution_code', 'string', 'Institution code'), f('机构名称', 'institution', 'string', 'Institution'), f('姓名', 'name', 'string', 'Name (public by law)'),
    f('性别', 'gender', 'string', 'Sex'), f('编制类型', 'quota_type', 'string', 'Establishment type'), f('职务', 'post', 'string', 'Post'),
    f('入编时间', 'joined_on', 'date', 'Joined on'),
  ],
  disbursements: [
    f('乡镇', 'township', 'string', 'Township'), f('村', 'village', 'string', 'Village'), f('户号', 'household_no', 'string', 'Household number'),
    f('姓名', 'name', 'string', 'Name, masked unless the fund publishes full names'), f('身份证号', 'id_masked', 'string', 'ID number, masked'),
    f('资金编码', 'fund_code', 'string', 'Fund code'), f('资金名称', 'fund_name', 'string', 'Fund'), money('金额(元)', 'amount', 'Amount'),
    f('审批日期', 'approved_on', 'date', 'Approved on'), f('发放日期', 'paid_on', 'date', 'Paid on'), f('发放渠道', 'channel', 'string', 'Channel'),
    f('记录编号', 'id', 'integer', 'Payment record id (as in "report a problem")'),
  ],
} satisfies Record<string, Field[]>;

export type DatasetName = keyof typeof FIELDS;

/** Rows of each dataset, in JSON cell form (money in 分). `part` selects one file of a split dataset. */
export const ROWS: Record<DatasetName, (db: Db, part?: string) => Cell[][]> = {
  funds: (db) =>
    fundSummaries(db).map((x) => [x.code, x.name, x.year, x.office, x.policyBasis, x.kind, x.publishDeadline, x.nameDisplay, x.payments, x.recipients, x.projects, x.amountFen + x.projectAmountFen, x.publishedOn, x.onTime === null ? null : x.onTime ? 'true' : 'false']),
  fundVillages: (db, part) => {
    const funds = new Map(fundSummaries(db).map((x) => [x.id, x]));
    const villages = villagesById(db);
    const out: Cell[][] = [];
    for (const s of fundVillageStats(db)) {
      const fund = funds.get(s.fundId);
      const v = villages.get(s.villageId);
      if (!fund || !v || (part && fund.code !== part)) continue;
      out.push([fund.code, fund.name, v.township.code, v.township.name, v.code, v.name, s.payments, s.recipients, s.amountFen, s.timing.within3, s.timing.within10, s.timing.over10]);
    }
    return out.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[4]).localeCompare(String(b[4])));
  },
  villages: (db) => {
    const totals = villageTotals(db);
    return areaTree(db).flatMap((t) =>
      t.villages.map((v) => {
        const x = totals.get(v.id);
        return [t.code, t.name, v.code, v.name, v.kind, x?.people ?? 0, x?.payments ?? 0, x?.amountFen ?? 0];
      }),
    );
  },
  projects: (db) => projectList(db).map((p) => [p.fundCode, p.code, p.name, p.townshipName, p.villageName, p.place, p.amountFen, p.contractor, p.approvedOn, p.paidOn, p.startOn, p.endOn, p.status]),
  budgetUnits: (db) => budgetUnitSummaries(db).flatMap((u) => u.years.map((y) => [u.code, u.name, y.year, y.totalFen, ...SAN_GONG.map((k) => y.sanGong[k])])),
  budgetLines: (db) => budgetLineRows(db),
  institutions: (db) =>
    institutionSummaries(db).map((i) => [i.code, i.name, i.kind, i.parent, i.leaderPosts, ...QUOTA_TYPES.map((q) => i.approved[q]), ...QUOTA_TYPES.map((q) => i.actual[q]), i.vacancies, i.over]),
  staff: (db, part) => {
    const staff = staffByInstitution(db);
    return institutionSummaries(db)
      .filter((i) => !part || i.code === part)
      .flatMap((i) => (staff.get(i.id) ?? []).map((s) => [i.code, i.name, s.name, s.gender, s.quotaType, s.post, s.joinedOn]));
  },
  // Written straight from the payment store instead (disbursementFile): 882,804 rows.
  disbursements: () => [],
};

function budgetLineRows(db: Db): Cell[][] {
  const out: Cell[][] = [];
  const stmt = db.$client.prepare(
    `SELECT l.year, u.code, u.name, l.classification, l.subject_code, l.subject_name, l.amount_fen, l.san_gong
       FROM budget_lines l JOIN budget_units u ON u.id = l.unit_id
      WHERE l.batch_id IN (SELECT id FROM import_batches WHERE status = 'published')
      ORDER BY u.code, l.year, l.classification, l.subject_code`,
  );
  for (const r of stmt.raw().all() as [number, string, string, LineRow['classification'], string, string, number, string | null][]) out.push(r);
  return out;
}

/** The dataset as CSV text (with BOM; money as 元). */
export function toCsv(name: DatasetName, rows: Cell[][]): string {
  const fields: Field[] = FIELDS[name];
  const moneyCols = fields.map((x) => x.key.endsWith('_fen'));
  return csvDocument(
    fields.map((x) => x.name),
    rows.map((r) => r.map((c, i) => (moneyCols[i] && typeof c === 'number' ? fenToYuan(c) : c))),
  );
}

/** The dataset as JSON text: {"dataset", "fields": English keys, "rows": arrays} (money in 分). */
export function toJson(name: DatasetName, rows: Cell[][]): string {
  return `{"dataset":${JSON.stringify(name)},"fields":${JSON.stringify(FIELDS[name].map((x) => x.key))},"rows":[${rows.map((r) => JSON.stringify(r)).join(',')}]}`;
}

/**
 * One village's payments as CSV or JSON, from the payment store. The name follows the
 * page's rule: the full name only with payments of full-name funds, and those listed after
 * all masked ones rather than beside them. CSV is one row per
 * payment (for Excel); JSON groups payments under their recipient the way the page does,
 * and names funds and channels once, which keeps 882,804 payments small:
 *   {"dataset":"disbursements","township","village","funds":{code:name},"channels":[…],
 *    "payment_fields":[…],"recipients":[{"household_no","name","id_masked","payments":[[…]]}]}
 */
export function disbursementFile(db: Db, villageCode: string, format: 'csv' | 'json'): string {
  const s: PaymentStore = paymentStore(db);
  const v = [...villagesById(db).values()].find((x) => x.code === villageCode);
  const range = v ? s.villages.get(v.id) : undefined;
  const from = range?.[0] ?? 0;
  const to = range?.[1] ?? 0;
  const out: string[] = [];
  if (format === 'csv') {
    out.push(csvDocument(FIELDS.disbursements.map((x) => x.name), []));
    const lead = v ? csvLine([v.township.name, v.name]).slice(0, -2) : '';
    // Masked-fund rows first, then the full-name funds' rows: as on the page, a full name is
    // not listed beside the same person's masked payments.
    for (const fullPass of [false, true]) {
      for (let r = from; r < to; r++) {
        const rec = s.recipients[r] as RecipientEntry;
        const name = fullPass && rec.fullName ? rec.fullName : rec.nameMasked;
        const head = `${lead},${csvCell(rec.householdNo)},${csvCell(name)},${csvCell(rec.idMasked)},`;
        for (let p = s.start[r] as number; p < (s.start[r + 1] as number); p++) {
          const fund = s.funds[s.fund[p] as number] as StoreFund;
          if (fund.full !== fullPass) continue;
          out.push(
            `${head}${csvCell(fund.code)},${csvCell(fund.name)},${fenToYuan(s.amountFen[p] as number)},${isoDay(s.approved[p] as number)},${isoDay(s.paid[p] as number)},${csvCell(s.channels[s.channel[p] as number])},${s.id[p]}\r\n`,
          );
        }
      }
    }
    return out.join('');
  }
  const used = new Set<number>();
  for (let r = from; r < to; r++) for (let p = s.start[r] as number; p < (s.start[r + 1] as number); p++) used.add(s.fund[p] as number);
  const funds = Object.fromEntries([...used].sort((a, b) => a - b).map((i) => [s.funds[i]?.code, s.funds[i]?.name]));
  // Masked groups first, full-name groups after, as on the page.
  const groups: PaymentGroup[] = [];
  for (let r = from; r < to; r++) groups.push(...groupsOf(s, r));
  groups.sort((a, b) => Number(a.full) - Number(b.full));
  for (const g of groups) {
    const pays = g.payments.map(
      (p) => `[${JSON.stringify(s.funds[s.fund[p] as number]?.code)},${s.amountFen[p]},"${isoDay(s.approved[p] as number)}","${isoDay(s.paid[p] as number)}",${s.channel[p]},${s.id[p]}]`,
    );
    out.push(`{"household_no":${JSON.stringify(g.recipient.householdNo)},"name":${JSON.stringify(g.name)},"id_masked":${JSON.stringify(g.recipient.idMasked)},"payments":[${pays.join(',')}]}`);
  }
  const head = {
    dataset: 'disbursements',
    township: v?.township.name ?? null,
    village: v?.name ?? null,
    village_code: villageCode,
    funds,
    channels: s.channels,
    payment_fields: ['fund_code', 'amount_fen', 'approved_on', 'paid_on', 'channel_index', 'id'],
  };
  return `${JSON.stringify(head).slice(0, -1)},"recipients":[${out.join(',')}]}`;
}
