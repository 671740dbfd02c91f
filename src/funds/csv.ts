// CSV kinds `funds`, `disbursements` and `projects`.
import { and, eq, sql } from 'drizzle-orm';
import { areaLookup } from '../areas/lookup.ts';
import {
  parseAmountFen,
  parseCode,
  parseDate,
  parseEnum,
  parseIdNumber,
  parseText,
  parseYear,
  parseYesNo,
} from '../import/fields.ts';
import { defineKind, opt, req, type LoadContext } from '../import/kind.ts';
import { hashIdNumber, maskIdNumber } from '../privacy/id-number.ts';
import { maskName } from '../privacy/names.ts';
import { disbursements, funds, projects, type FundKind } from './schema.ts';

const text = (max: number) => (s: string) => parseText(s, max);
const positive = (s: string) => parseAmountFen(s);

const FUND_KIND_LABELS = { 到人到户: 'household', 到户: 'household', household: 'household', 到项目: 'project', project: 'project' } as const;
const NAME_DISPLAY_LABELS = { 脱敏: 'masked', 隐藏: 'masked', masked: 'masked', 全名: 'full', 公开: 'full', full: 'full' } as const;
const STATUS_LABELS = {
  未开工: 'planned',
  planned: 'planned',
  在建: 'in_progress',
  建设中: 'in_progress',
  in_progress: 'in_progress',
  已完工: 'completed',
  完工: 'completed',
  completed: 'completed',
  停工: 'suspended',
  suspended: 'suspended',
} as const;
const KIND_ZH: Record<FundKind, string> = { household: '到人到户', project: '到项目' };

/** Fund codes → id and kind, including funds loaded earlier in the same batch group. */
function fundLookup({ db }: LoadContext) {
  return new Map(db.select({ id: funds.id, code: funds.code, kind: funds.kind }).from(funds).all().map((f) => [f.code, f]));
}

export const fundsKind = defineKind({
  name: 'funds',
  title: { zh: '专项资金', en: 'Special funds' },
  columns: {
    code: req(['资金编码', '资金代码', 'fund_code'], (s) => parseCode(s)),
    name: req(['资金名称', '专项资金名称', 'fund_name'], text(60)),
    year: req(['年度', '资金年度', 'year'], parseYear),
    office: req(['归口股室', '归口科室', '主管股室', 'office'], text(30)),
    policyBasis: req(['政策依据', '文件依据', 'policy_basis'], text(500)),
    kind: req(['发放方式', '资金类型', 'fund_kind'], (s) => parseEnum(s, FUND_KIND_LABELS)),
    publishDeadline: opt(['公开时限', '公开截止日期', 'publish_deadline'], parseDate),
    nameDisplay: opt(['姓名公开方式', '姓名显示', 'name_display'], (s) => parseEnum(s, NAME_DISPLAY_LABELS)),
  },
  open(ctx) {
    const { db, batchId, problem } = ctx;
    const existing = fundLookup(ctx);
    const batchOf = db.select({ batchId: funds.batchId }).from(funds).where(eq(funds.code, sql.placeholder('code'))).prepare();
    const seen = new Map<string, number>();
    return {
      add(r, row) {
        const earlier = seen.get(r.code);
        if (earlier) return problem({ column: 'code', value: r.code, code: 'unique.in_file', params: { row: earlier } });
        if (existing.has(r.code)) {
          return problem({ column: 'code', value: r.code, code: 'unique.exists', params: { batch: batchOf.get({ code: r.code })?.batchId ?? '?' } });
        }
        seen.set(r.code, row);
        db.insert(funds)
          .values({ ...r, nameDisplay: r.nameDisplay ?? 'masked', batchId })
          .run();
      },
    };
  },
});

export const disbursementsKind = defineKind({
  name: 'disbursements',
  title: { zh: '补贴发放（到人到户）', en: 'Payments to households' },
  amountColumn: 'amount',
  // Rebuilt once after a large file instead of updated row by row (2–4× faster). The
  // unique payment index is the duplicate check: rebuilt, it finds the duplicates the
  // rows could not find while it was gone, and reportConflicts says which rows they are.
  bulkIndexes: ['disbursements_village_fund', 'disbursements_fund', 'disbursements_payment'],
  reportConflicts({ db, batchId, problem }) {
    const rows = db.$client
      .prepare<[], { batchId: number; row: number; amountFen: number; key: string }>(
        `SELECT d.batch_id AS batchId, d.source_row AS row, d.amount_fen AS amountFen,
                d.recipient_id || '/' || d.fund_id || '/' || d.paid_on || '/' || d.amount_fen AS key
           FROM disbursements d
           JOIN (SELECT recipient_id, fund_id, paid_on, amount_fen FROM disbursements WHERE repeat_seq = 0
                  GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) g
             ON g.recipient_id = d.recipient_id AND g.fund_id = d.fund_id AND g.paid_on = d.paid_on AND g.amount_fen = d.amount_fen
          WHERE d.repeat_seq = 0
          ORDER BY d.recipient_id, d.fund_id, d.paid_on, d.amount_fen, d.batch_id, d.source_row`,
      )
      .all();
    let first: (typeof rows)[number] | undefined;
    for (const r of rows) {
      if (first?.key !== r.key) {
        first = r;
        continue;
      }
      if (r.batchId !== batchId) continue;
      const value = String(r.amountFen / 100);
      if (first.batchId === batchId) problem({ row: r.row, column: 'amount', value, code: 'disbursement.duplicate', params: { row: first.row } });
      else problem({ row: r.row, column: 'amount', value, code: 'disbursement.duplicate_published', params: { batch: first.batchId } });
    }
  },
  columns: {
    fundCode: req(['资金编码', '资金代码', 'fund_code'], (s) => parseCode(s)),
    township: req(['乡镇', '乡镇名称', 'township'], text(30)),
    village: req(['村', '村(社区)', '村名称', '村/社区', 'village'], text(30)),
    householdNo: req(['户号', '户编号', 'household_no'], text(30)),
    name: req(['姓名', '户主姓名', '领取人', '领取人姓名', '补贴对象', 'name'], text(30)),
    idNumber: { ...req(['身份证号', '身份证号码', '公民身份号码', '证件号码', 'id_number'], parseIdNumber), sensitive: true },
    amount: req(['金额(元)', '发放金额(元)', '发放金额', '补贴金额(元)', '补贴金额', '金额', 'amount'], positive),
    approvedOn: req(['审批日期', '审核日期', 'approved_on'], parseDate),
    paidOn: req(['发放日期', '兑付日期', 'paid_on'], parseDate),
    channel: opt(['发放渠道', '发放方式', 'channel'], text(30)),
    repeat: opt(['重复发放', '是否重复发放', 'repeat'], parseYesNo),
  },
  open(ctx) {
    const { db, batchId, idKey, problem } = ctx;
    const fundByCode = fundLookup(ctx);
    const areas = areaLookup(db);
    // Per person (a county has ~200k) and per payment (~1M a year) statements are plain
    // better-sqlite3: Drizzle's per-call mapping cost more than SQLite's own work here.
    const sqlite = db.$client;
    // People already known from earlier batches, found by the keyed hash of their ID.
    const knownPerson = sqlite.prepare<[string], { id: number; villageId: number; name: string }>(
      `SELECT r.id, r.village_id AS villageId, n.full_name AS name
         FROM recipients r JOIN recipient_names n ON n.recipient_id = r.id WHERE r.id_hash = ?`,
    );
    const insertRecipient = sqlite.prepare(
      `INSERT INTO recipients (id_hash, id_masked, name_masked, village_id, household_no, batch_id) VALUES (?, ?, ?, ?, ?, ${batchId})`,
    );
    const insertName = sqlite.prepare('INSERT INTO recipient_names (recipient_id, full_name) VALUES (?, ?)');
    // A first load has nobody to look up: skip the per-person query (190k of them at seed scale).
    const anyoneKnown = sqlite.prepare('SELECT 1 FROM recipients LIMIT 1').get() !== undefined;
    const insertPayment = sqlite.prepare(
      `INSERT INTO disbursements (batch_id, fund_id, recipient_id, village_id, amount_fen, approved_on, paid_on, channel, repeat_seq, source_row)
       VALUES (${batchId}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const samePayment = and(
      eq(disbursements.recipientId, sql.placeholder('recipientId')),
      eq(disbursements.fundId, sql.placeholder('fundId')),
      eq(disbursements.paidOn, sql.placeholder('paidOn')),
      eq(disbursements.amountFen, sql.placeholder('amountFen')),
    );
    const firstSamePayment = db
      .select({ batchId: disbursements.batchId, row: disbursements.sourceRow })
      .from(disbursements)
      .where(samePayment)
      .orderBy(disbursements.repeatSeq)
      .limit(1)
      .prepare();
    // This batch's people by ID number: the hash and the checks run once per person.
    const people = new Map<string, { id: number; villageId: number; name: string }>();
    const villageIds = new Map<string, number | undefined>();

    return {
      add(r, row) {
        const fund = fundByCode.get(r.fundCode);
        if (!fund) return problem({ column: 'fundCode', value: r.fundCode, code: 'ref.fund', params: { value: r.fundCode } });
        if (fund.kind !== 'household') {
          return problem({ column: 'fundCode', value: r.fundCode, code: 'ref.fund_kind', params: { value: r.fundCode, kind: KIND_ZH[fund.kind] } });
        }
        const areaKey = `${r.township}/${r.village}`;
        let villageId = villageIds.get(areaKey);
        if (!villageIds.has(areaKey)) {
          const townshipId = areas.township(r.township);
          villageId = townshipId === undefined ? undefined : areas.village(townshipId, r.village);
          villageIds.set(areaKey, villageId);
        }
        if (villageId === undefined) {
          return areas.township(r.township) === undefined
            ? problem({ column: 'township', value: r.township, code: 'ref.township', params: { value: r.township } })
            : problem({ column: 'village', value: r.village, code: 'ref.village', params: { value: r.village, township: r.township } });
        }
        if (r.paidOn < r.approvedOn) {
          return problem({ column: 'paidOn', value: r.paidOn, code: 'dates.order', params: { later: '发放日期', earlier: '审批日期' } });
        }
        let person = people.get(r.idNumber);
        if (!person) {
          const idHash = hashIdNumber(r.idNumber, idKey);
          person = anyoneKnown ? knownPerson.get(idHash) : undefined;
          if (!person) {
            const id = Number(insertRecipient.run(idHash, maskIdNumber(r.idNumber), maskName(r.name), villageId, r.householdNo).lastInsertRowid);
            insertName.run(id, r.name);
            person = { id, villageId, name: r.name };
          }
          people.set(r.idNumber, person);
        }
        if (person.name !== r.name) {
          return problem({ column: 'name', value: r.name, code: 'person.name_mismatch', params: { name: person.name } });
        }
        if (person.villageId !== villageId) {
          return problem({ column: 'village', value: r.village, code: 'person.village_mismatch', params: { village: areas.villageName(person.villageId) } });
        }
        const key = { recipientId: person.id, fundId: fund.id, paidOn: r.paidOn, amountFen: r.amount };
        // A deliberate repeat gets a marker unique to its row, so it never meets the
        // unique payment index; an unmarked repeat does, and is refused.
        const repeatSeq = r.repeat ? batchId * 10_000_000 + row : 0;
        try {
          insertPayment.run(fund.id, person.id, villageId, r.amount, r.approvedOn, r.paidOn, r.channel ?? '', repeatSeq, row);
        } catch (err) {
          // The unique index (recipient, fund, date, amount, repeat) is the duplicate check,
          // within this file and against every earlier batch alike.
          if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
          const first = firstSamePayment.get(key);
          if (first && first.batchId === batchId) {
            problem({ column: 'amount', value: String(r.amount / 100), code: 'disbursement.duplicate', params: { row: first.row } });
          } else {
            problem({ column: 'amount', value: String(r.amount / 100), code: 'disbursement.duplicate_published', params: { batch: first?.batchId ?? '?' } });
          }
        }
      },
    };
  },
});

export const projectsKind = defineKind({
  name: 'projects',
  title: { zh: '项目', en: 'Projects' },
  amountColumn: 'amount',
  columns: {
    fundCode: req(['资金编码', '资金代码', 'fund_code'], (s) => parseCode(s)),
    code: req(['项目编号', '项目编码', 'project_code'], (s) => parseCode(s)),
    name: req(['项目名称', 'project_name'], text(80)),
    township: req(['乡镇', '乡镇名称', 'township'], text(30)),
    village: opt(['村', '村(社区)', '村名称', 'village'], text(30)),
    place: opt(['建设地点', '地点', 'place'], text(100)),
    amount: req(['金额(元)', '项目金额(元)', '项目金额', '金额', 'amount'], positive),
    contractor: req(['承建单位', '施工单位', '实施单位', 'contractor'], text(80)),
    approvedOn: opt(['批复日期', 'approved_on'], parseDate),
    paidOn: opt(['拨付日期', 'paid_on'], parseDate),
    startOn: opt(['开工日期', 'start_on'], parseDate),
    endOn: opt(['竣工日期', '完工日期', 'end_on'], parseDate),
    status: req(['状态', '项目状态', 'status'], (s) => parseEnum(s, STATUS_LABELS)),
  },
  open(ctx) {
    const { db, batchId, problem } = ctx;
    const fundByCode = fundLookup(ctx);
    const areas = areaLookup(db);
    const batchOf = db.select({ batchId: projects.batchId }).from(projects).where(eq(projects.code, sql.placeholder('code'))).prepare();
    const seen = new Map<string, number>();
    return {
      add(r, row) {
        const fund = fundByCode.get(r.fundCode);
        if (!fund) return problem({ column: 'fundCode', value: r.fundCode, code: 'ref.fund', params: { value: r.fundCode } });
        if (fund.kind !== 'project') {
          return problem({ column: 'fundCode', value: r.fundCode, code: 'ref.fund_kind', params: { value: r.fundCode, kind: KIND_ZH[fund.kind] } });
        }
        const townshipId = areas.township(r.township);
        if (townshipId === undefined) return problem({ column: 'township', value: r.township, code: 'ref.township', params: { value: r.township } });
        const villageId = r.village === null ? null : areas.village(townshipId, r.village);
        if (villageId === undefined) {
          return problem({ column: 'village', value: r.village, code: 'ref.village', params: { value: r.village ?? '', township: r.township } });
        }
        if (r.approvedOn && r.paidOn && r.paidOn < r.approvedOn) {
          return problem({ column: 'paidOn', value: r.paidOn, code: 'dates.order', params: { later: '拨付日期', earlier: '批复日期' } });
        }
        if (r.startOn && r.endOn && r.endOn < r.startOn) {
          return problem({ column: 'endOn', value: r.endOn, code: 'dates.order', params: { later: '竣工日期', earlier: '开工日期' } });
        }
        const earlier = seen.get(r.code);
        if (earlier) return problem({ column: 'code', value: r.code, code: 'unique.in_file', params: { row: earlier } });
        const existing = batchOf.get({ code: r.code });
        if (existing) return problem({ column: 'code', value: r.code, code: 'unique.exists', params: { value: r.code, batch: existing.batchId } });
        seen.set(r.code, row);
        db.insert(projects)
          .values({
            batchId,
            fundId: fund.id,
            code: r.code,
            name: r.name,
            townshipId,
            villageId,
            place: r.place ?? '',
            amountFen: r.amount,
            contractor: r.contractor,
            approvedOn: r.approvedOn,
            paidOn: r.paidOn,
            startOn: r.startOn,
            endOn: r.endOn,
            status: r.status,
          })
          .run();
      },
    };
  },
});
