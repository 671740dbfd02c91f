// Reviewing a pending batch (issue 6): what it adds (counts, totals, sample rows, the
// difference per fund from what is published), and the decision. Rules enforced here, on
// the server, whatever the page shows:
//   - only a pending batch can be decided, once;
//   - the uploader of a batch can never approve it (four eyes), whatever roles they hold;
//   - a rejection needs a reason, and removes the batch's rows (the batch row stays, marked
//     rejected, so the same file may be uploaded again after correction).
// An approval marks the batch published and queues a publish (publisher.ts).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { audit } from '../auth/audit.ts';
import type { Staff } from '../auth/users.ts';
import { importBatches, type ImportBatch } from '../import/schema.ts';
import type { KindName } from '../import/kind.ts';
import { enqueuePublish } from './publisher.ts';

/** A decision the rules refuse: shown to the reviewer with its HTTP status. */
export class ReviewRefused extends Error {
  readonly status: number;
  readonly zh: string;
  constructor(status: number, zh: string, en: string) {
    super(en);
    this.status = status;
    this.zh = zh;
  }
}

/** Batches awaiting review, oldest first. */
export function pendingBatches(db: Db): ImportBatch[] {
  return db.select().from(importBatches).where(eq(importBatches.status, 'pending')).orderBy(importBatches.id).all();
}

/** The latest decided batches, newest first. */
export function decidedBatches(db: Db, limit = 30): ImportBatch[] {
  return db.select().from(importBatches).where(eq(importBatches.status, 'published')).orderBy(desc(importBatches.reviewedAt), desc(importBatches.id)).limit(limit).all()
    .concat(db.select().from(importBatches).where(eq(importBatches.status, 'rejected')).orderBy(desc(importBatches.id)).limit(limit).all())
    .filter((b) => b.reviewedAt)
    .sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''))
    .slice(0, limit);
}

export function getBatch(db: Db, id: number): ImportBatch | undefined {
  return db.select().from(importBatches).where(eq(importBatches.id, id)).get();
}

/** The table that holds each kind's rows (what the counts and samples read). */
const MAIN_TABLE: Record<KindName, string> = {
  areas: 'villages',
  funds: 'funds',
  institutions: 'institutions',
  disbursements: 'disbursements',
  projects: 'projects',
  'budget-lines': 'budget_lines',
  quotas: 'quotas',
  staff: 'staff',
};

export interface FundDiff {
  code: string;
  name: string;
  publishedRows: number;
  publishedFen: number;
  addedRows: number;
  addedFen: number;
}

export interface BatchPreview {
  batch: ImportBatch;
  /** rows of this kind already published (before this batch) */
  publishedRows: number;
  addedRows: number;
  /** per fund, for payments and projects: published before, and what this batch adds */
  funds: FundDiff[];
  /** column headings (keys of sample rows) and up to 20 rows, personal data masked */
  sampleColumns: string[];
  sample: Record<string, unknown>[];
}

const SAMPLE = 20;

/** What a batch would add to the public site. */
export function previewBatch(db: Db, batch: ImportBatch): BatchPreview {
  const kind = batch.kind as KindName;
  const table = MAIN_TABLE[kind];
  const sq = db.$client;
  const count = (where: string, ...args: unknown[]) => sq.prepare(`SELECT count(*) FROM ${table} t WHERE ${where}`).pluck().get(...args) as number;
  const publishedRows = table ? count(`t.batch_id IN (SELECT id FROM import_batches WHERE status = 'published' AND id <> ?)`, batch.id) : 0;
  const addedRows = table ? count('t.batch_id = ?', batch.id) : 0;
  let funds: FundDiff[] = [];
  let sample: Record<string, unknown>[] = [];
  if (kind === 'disbursements' || kind === 'projects') {
    funds = sq
      .prepare(
        `SELECT f.code, f.name,
                coalesce(sum(CASE WHEN b.status = 'published' AND t.batch_id <> @id THEN 1 END), 0) AS publishedRows,
                coalesce(sum(CASE WHEN b.status = 'published' AND t.batch_id <> @id THEN t.amount_fen END), 0) AS publishedFen,
                coalesce(sum(CASE WHEN t.batch_id = @id THEN 1 END), 0) AS addedRows,
                coalesce(sum(CASE WHEN t.batch_id = @id THEN t.amount_fen END), 0) AS addedFen
           FROM ${table} t JOIN funds f ON f.id = t.fund_id JOIN import_batches b ON b.id = t.batch_id
          WHERE t.fund_id IN (SELECT fund_id FROM ${table} WHERE batch_id = @id)
          GROUP BY f.id ORDER BY f.code`,
      )
      .all({ id: batch.id }) as FundDiff[];
  }
  if (kind === 'disbursements') {
    // Names and ID numbers masked as the public site shows them; never the full ID.
    sample = sq
      .prepare(
        `SELECT f.code AS 资金编码, v.name AS 村, r.household_no AS 户号, r.name_masked AS 姓名, r.id_masked AS 身份证号,
                printf('%d.%02d', d.amount_fen / 100, d.amount_fen % 100) AS "金额(元)", d.approved_on AS 审批日期, d.paid_on AS 发放日期, d.channel AS 发放渠道, d.source_row AS 行
           FROM disbursements d JOIN funds f ON f.id = d.fund_id JOIN recipients r ON r.id = d.recipient_id JOIN villages v ON v.id = d.village_id
          WHERE d.batch_id = ? ORDER BY d.id LIMIT ${SAMPLE}`,
      )
      .all(batch.id) as Record<string, unknown>[];
  } else if (table) {
    const cols = (sq.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
      (c) => c !== 'id' && c !== 'batch_id' && !c.endsWith('_hash') && !c.endsWith('_id'),
    );
    sample = sq.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE batch_id = ? ORDER BY id LIMIT ${SAMPLE}`).all(batch.id) as Record<string, unknown>[];
  }
  return { batch, publishedRows, addedRows, funds, sampleColumns: sample[0] ? Object.keys(sample[0]) : [], sample };
}

export interface Decision {
  batchId: number;
  decision: 'approve' | 'reject';
  note: string;
}

/** Approve or reject a pending batch. Returns the publish job id for an approval. */
export function decide(db: Db, staff: Staff, d: Decision, ip: string | null): { jobId: number | null } {
  if (!staff.roles.includes('reviewer')) throw new ReviewRefused(403, '只有审核员可以审核批次。', 'Only reviewers decide on batches.');
  const batch = getBatch(db, d.batchId);
  if (!batch) throw new ReviewRefused(404, '没有这个批次。', 'No such batch.');
  if (batch.status !== 'pending') throw new ReviewRefused(409, '这个批次已经审核过了。', 'This batch has already been decided.');
  const note = d.note.trim().slice(0, 2000);
  if (d.decision === 'approve' && batch.createdBy === staff.username) {
    audit(db, { actorId: staff.id, action: 'review.self_approval_refused', target: `batch:${batch.id}`, ip });
    throw new ReviewRefused(403, '您是这个批次的上传人，不能由您本人批准，请另一位审核员审核。', 'You uploaded this batch: another reviewer must approve it.');
  }
  if (d.decision === 'reject' && note === '') throw new ReviewRefused(400, '退回时请写明原因。', 'Give a reason for rejecting.');
  const now = new Date().toISOString();
  const b = batch;
  let jobId: number | null = null;
  try {
    db.transaction(() => {
      const changed = db.$client
        .prepare(`UPDATE import_batches SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ? AND status = 'pending'`)
        .run(d.decision === 'approve' ? 'published' : 'rejected', staff.username, now, note || null, b.id).changes;
      if (changed !== 1) throw new ReviewRefused(409, '这个批次已经审核过了。', 'This batch has already been decided.');
      if (d.decision === 'reject') removeBatchRows(db, b.id);
      else jobId = enqueuePublish(db, { requestedBy: staff.id, batchId: b.id });
      audit(db, { actorId: staff.id, action: d.decision === 'approve' ? 'review.approve' : 'review.reject', target: `batch:${b.id}`, ip, detail: { kind: b.kind, rows: b.rows, note: note || undefined, job: jobId ?? undefined } });
    });
  } catch (err) {
    if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ReviewRefused(409, '这个批次的数据已被其他批次引用，不能退回。', 'Other batches use rows of this batch: it cannot be rejected.');
    }
    throw err;
  }
  return { jobId };
}

/**
 * Delete a rejected batch's rows from every table that has a batch_id column (plus the
 * private full names of recipients it created). Foreign keys are deferred to the commit, so
 * the order does not matter, and a row another batch still needs makes the whole decision
 * fail instead of leaving a dangling reference.
 */
function removeBatchRows(db: Db, batchId: number): void {
  const sq = db.$client;
  sq.pragma('defer_foreign_keys = ON');
  const tables = sq
    .prepare(`SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p ON p.name = 'batch_id' WHERE m.type = 'table' AND m.name <> 'import_batches'`)
    .pluck()
    .all() as string[];
  sq.prepare('DELETE FROM recipient_names WHERE recipient_id IN (SELECT id FROM recipients WHERE batch_id = ?)').run(batchId);
  for (const t of tables) sq.prepare(`DELETE FROM "${t}" WHERE batch_id = ?`).run(batchId);
}
