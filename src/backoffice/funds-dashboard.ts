// The fund-level dashboard (issue 6): for each fund, its publication deadline (公开时限),
// which batches of its payments/projects went public when, and what is late: a batch
// published after the deadline, or rows still unpublished once the deadline has passed.
import type { Db } from '../db/client.ts';

export interface FundBatch {
  batchId: number;
  status: string;
  /** when it went public (approval), or when it was uploaded if still pending */
  at: string;
  rows: number;
  late: boolean;
}

export interface FundDeadline {
  code: string;
  name: string;
  year: number;
  deadline: string | null;
  batches: FundBatch[];
  publishedRows: number;
  /** the fund has a late batch, or unpublished rows past its deadline */
  late: boolean;
}

/** Every fund with its deadline and publication history; `today` is YYYY-MM-DD. */
export function fundDeadlines(db: Db, today = new Date().toISOString().slice(0, 10)): FundDeadline[] {
  const funds = db.$client
    .prepare(`SELECT f.id, f.code, f.name, f.year, f.publish_deadline AS deadline FROM funds f JOIN import_batches b ON b.id = f.batch_id AND b.status <> 'rejected' ORDER BY f.year DESC, f.code`)
    .all() as { id: number; code: string; name: string; year: number; deadline: string | null }[];
  const rows = db.$client
    .prepare(
      `SELECT x.fund_id AS fundId, b.id AS batchId, b.status, coalesce(b.reviewed_at, b.created_at) AS at, count(*) AS rows
         FROM (SELECT fund_id, batch_id FROM disbursements UNION ALL SELECT fund_id, batch_id FROM projects) x
         JOIN import_batches b ON b.id = x.batch_id AND b.status IN ('published', 'pending')
        GROUP BY x.fund_id, b.id ORDER BY b.id`,
    )
    .all() as (Omit<FundBatch, 'late'> & { fundId: number })[];
  const byFund = new Map<number, FundBatch[]>();
  const fundDeadline = new Map(funds.map((f) => [f.id, f.deadline]));
  for (const r of rows) {
    const deadline = fundDeadline.get(r.fundId);
    if (deadline === undefined) continue;
    const day = r.at.slice(0, 10);
    // Published after the deadline, or still pending when it has passed.
    const late = !!deadline && (r.status === 'published' ? day > deadline : today > deadline);
    const list = byFund.get(r.fundId) ?? [];
    list.push({ batchId: r.batchId, status: r.status, at: r.at, rows: r.rows, late });
    byFund.set(r.fundId, list);
  }
  return funds.map((f) => {
    const batches = byFund.get(f.id) ?? [];
    return {
      code: f.code,
      name: f.name,
      year: f.year,
      deadline: f.deadline,
      batches,
      publishedRows: batches.filter((b) => b.status === 'published').reduce((n, b) => n + b.rows, 0),
      // A fund whose deadline passed with nothing published at all is late too.
      late: batches.some((b) => b.late) || (!!f.deadline && today > f.deadline && !batches.some((b) => b.status === 'published')),
    };
  });
}
