// Special funds (专项资金), what they paid to households (disbursements) and to projects.
// Money is integer 分 everywhere; dates are ISO 'YYYY-MM-DD' text.
//
// Privacy boundary (design.md): `recipients` is what public pages may read (masked name,
// masked ID, a keyed hash to match the same person across batches). The full name lives
// in `recipient_names`, read only for funds whose recipients are published by full name
// and by staff tools. The full ID number is never stored.
import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { importBatches } from '../import/schema.ts';
import { townships, villages } from '../areas/schema.ts';

export const FUND_KINDS = ['household', 'project'] as const;
export const NAME_DISPLAYS = ['masked', 'full'] as const;
export const PROJECT_STATUSES = ['planned', 'in_progress', 'completed', 'suspended'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export type NameDisplay = (typeof NAME_DISPLAYS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const funds = sqliteTable('funds', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** 归口股室: the finance office responsible for the fund */
  office: text('office').notNull(),
  /** 政策依据: the policy document(s) the fund is paid under */
  policyBasis: text('policy_basis').notNull(),
  kind: text('kind', { enum: FUND_KINDS }).notNull(),
  /** 公开时限: the date by which the fund's payments must be published */
  publishDeadline: text('publish_deadline'),
  nameDisplay: text('name_display', { enum: NAME_DISPLAYS }).notNull().default('masked'),
  batchId: integer('batch_id').notNull().references(() => importBatches.id),
});

export const recipients = sqliteTable(
  'recipients',
  {
    id: integer('id').primaryKey(),
    /** HMAC-SHA-256 of the ID number under a secret kept outside the repository (hex). */
    idHash: text('id_hash').notNull().unique(),
    /** e.g. 430524********123X: region and last four, enough to tell namesakes apart */
    idMasked: text('id_masked').notNull(),
    /** e.g. 王*明 */
    nameMasked: text('name_masked').notNull(),
    villageId: integer('village_id').notNull().references(() => villages.id),
    /** 户号 as the village registers it */
    householdNo: text('household_no').notNull(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
  },
  (t) => [index('recipients_village').on(t.villageId, t.householdNo)],
);

/** Private: full names, never read by a public page unless the fund shows full names. */
export const recipientNames = sqliteTable('recipient_names', {
  recipientId: integer('recipient_id')
    .primaryKey()
    .references(() => recipients.id),
  fullName: text('full_name').notNull(),
});

export const disbursements = sqliteTable(
  'disbursements',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    fundId: integer('fund_id').notNull().references(() => funds.id),
    recipientId: integer('recipient_id').notNull().references(() => recipients.id),
    villageId: integer('village_id').notNull().references(() => villages.id),
    amountFen: integer('amount_fen').notNull(),
    /** 审批日期: when the payment was signed off */
    approvedOn: text('approved_on').notNull(),
    /** 发放日期: when the money reached the household */
    paidOn: text('paid_on').notNull(),
    /** 发放渠道, e.g. 惠农一卡通 */
    channel: text('channel').notNull(),
    /**
     * 0 for a normal payment; for one the file marked as a deliberate repeat (重复发放), a
     * number unique to its row (batch × 10⁷ + row), so it never collides as a duplicate.
     */
    repeatSeq: integer('repeat_seq').notNull().default(0),
    /** the spreadsheet row the payment came from, for staff tracing it back */
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [
    index('disbursements_village_fund').on(t.villageId, t.fundId),
    index('disbursements_fund').on(t.fundId),
    // One payment per (person, fund, date, amount) unless marked as a deliberate repeat:
    // the importer's duplicate check, and the household lookup's index.
    uniqueIndex('disbursements_payment').on(t.recipientId, t.fundId, t.paidOn, t.amountFen, t.repeatSeq),
  ],
);

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    fundId: integer('fund_id').notNull().references(() => funds.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    townshipId: integer('township_id').notNull().references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    /** 建设地点: free text beyond the village, e.g. 村东组至G207 */
    place: text('place').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** 承建单位 */
    contractor: text('contractor').notNull(),
    approvedOn: text('approved_on'),
    paidOn: text('paid_on'),
    startOn: text('start_on'),
    endOn: text('end_on'),
    status: text('status', { enum: PROJECT_STATUSES }).notNull(),
  },
  (t) => [uniqueIndex('projects_code').on(t.code), index('projects_fund').on(t.fundId)],
);

export type Fund = typeof funds.$inferSelect;
export type Recipient = typeof recipients.$inferSelect;
export type Disbursement = typeof disbursements.$inferSelect;
export type Project = typeof projects.$inferSelect;
