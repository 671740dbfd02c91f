// Read queries for special funds (专项资金) and their projects, for the public pages.
// The heavy aggregate (fund × village) is counted once per build from the payment store and
// reused by the overview, every fund page and the village index.
import type { Db } from '../db/client.ts';
import { PUBLISHED, perDb } from '../db/read.ts';
import { paymentStore, type RecipientEntry, type StoreFund } from './payment-queries.ts';
import type { Fund, Project } from './schema.ts';

/** Days from sign-off to payment, in the buckets the county reports (≤3, 4–10, >10). */
export interface Timing {
  within3: number;
  within10: number;
  over10: number;
}

export interface Totals {
  payments: number;
  amountFen: number;
  /** distinct people paid (one recipient counts once per fund and village) */
  recipients: number;
  timing: Timing;
}

export interface FundVillageStat extends Totals {
  fundId: number;
  villageId: number;
}

export type FundInfo = Pick<Fund, 'id' | 'code' | 'name' | 'year' | 'office' | 'policyBasis' | 'kind' | 'publishDeadline' | 'nameDisplay'>;

export interface FundSummary extends FundInfo, Totals {
  villages: number;
  projects: number;
  projectAmountFen: number;
  /** date (YYYY-MM-DD) the fund's latest published batch went public */
  publishedOn: string | null;
  /** published by its deadline; null when the fund has no deadline */
  onTime: boolean | null;
}

export function emptyTotals(): Totals {
  return { payments: 0, amountFen: 0, recipients: 0, timing: { within3: 0, within10: 0, over10: 0 } };
}

/** Add b into a (in place) and return a. */
export function addTotals(a: Totals, b: Totals): Totals {
  a.payments += b.payments;
  a.amountFen += b.amountFen;
  a.recipients += b.recipients;
  a.timing.within3 += b.timing.within3;
  a.timing.within10 += b.timing.within10;
  a.timing.over10 += b.timing.over10;
  return a;
}

/**
 * Payments, money, recipients and timing per (fund, village), counted in one pass over the
 * payment store the village pages read anyway (cheaper than a GROUP BY with a distinct count
 * over 882,804 rows).
 */
export const fundVillageStats = perDb((db: Db): FundVillageStat[] => {
  const s = paymentStore(db);
  const cells = new Map<number, FundVillageStat>();
  const seen = new Set<number>();
  for (let r = 0; r < s.recipients.length; r++) {
    const villageId = (s.recipients[r] as RecipientEntry).villageId;
    seen.clear();
    for (let p = s.start[r] as number; p < (s.start[r + 1] as number); p++) {
      const f = s.fund[p] as number;
      const key = villageId * 65_536 + f;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { fundId: (s.funds[f] as StoreFund).id, villageId, ...emptyTotals() }));
      c.payments++;
      c.amountFen += s.amountFen[p] as number;
      const days = (s.paid[p] as number) - (s.approved[p] as number);
      if (days <= 3) c.timing.within3++;
      else if (days <= 10) c.timing.within10++;
      else c.timing.over10++;
      if (!seen.has(f)) {
        seen.add(f);
        c.recipients++;
      }
    }
  }
  return [...cells.values()];
});

const FUND_COLUMNS = `f.id, f.code, f.name, f.year, f.office, f.policy_basis AS policyBasis, f.kind,
  f.publish_deadline AS publishDeadline, f.name_display AS nameDisplay`;

/** Every published fund with its totals, newest year first, then by code. */
export const fundSummaries = perDb((db: Db): FundSummary[] => {
  const funds = db.$client
    .prepare(`SELECT ${FUND_COLUMNS} FROM funds f WHERE ${PUBLISHED('f')} ORDER BY f.year DESC, f.code`)
    .all() as FundInfo[];
  const totals = new Map<number, Totals & { villages: number }>();
  for (const s of fundVillageStats(db)) {
    let t = totals.get(s.fundId);
    if (!t) totals.set(s.fundId, (t = { ...emptyTotals(), villages: 0 }));
    addTotals(t, s);
    t.villages++;
  }
  const projects = new Map(
    (
      db.$client
        .prepare(`SELECT fund_id, count(*), sum(amount_fen) FROM projects p WHERE ${PUBLISHED('p')} GROUP BY fund_id`)
        .raw()
        .all() as [number, number, number][]
    ).map(([id, n, amount]) => [id, { n, amount }]),
  );
  // When each fund's rows went public: the latest published batch holding its payments or projects.
  const published = new Map(
    (
      db.$client
        .prepare(
          `SELECT fund_id, max(substr(coalesce(b.reviewed_at, b.created_at), 1, 10))
             FROM (SELECT DISTINCT fund_id, batch_id FROM disbursements
                   UNION SELECT DISTINCT fund_id, batch_id FROM projects) x
             JOIN import_batches b ON b.id = x.batch_id AND b.status = 'published'
            GROUP BY fund_id`,
        )
        .raw()
        .all() as [number, string][]
    ).map(([id, on]) => [id, on]),
  );
  return funds.map((f) => {
    const t = totals.get(f.id) ?? { ...emptyTotals(), villages: 0 };
    const p = projects.get(f.id);
    const publishedOn = published.get(f.id) ?? null;
    return {
      ...f,
      ...t,
      projects: p?.n ?? 0,
      projectAmountFen: p?.amount ?? 0,
      publishedOn,
      onTime: f.publishDeadline && publishedOn ? publishedOn <= f.publishDeadline : null,
    };
  });
});

export interface ProjectInfo
  extends Pick<Project, 'id' | 'code' | 'name' | 'place' | 'amountFen' | 'contractor' | 'approvedOn' | 'paidOn' | 'startOn' | 'endOn' | 'status'> {
  fundCode: string;
  fundName: string;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  villageName: string | null;
}

/** Every published project, by fund then project code. */
export const projectList = perDb(
  (db: Db): ProjectInfo[] =>
    db.$client
      .prepare(
        `SELECT p.id, p.code, p.name, p.place, p.amount_fen AS amountFen, p.contractor, p.approved_on AS approvedOn,
                p.paid_on AS paidOn, p.start_on AS startOn, p.end_on AS endOn, p.status,
                f.code AS fundCode, f.name AS fundName, t.code AS townshipCode, t.name AS townshipName,
                v.code AS villageCode, v.name AS villageName
           FROM projects p JOIN funds f ON f.id = p.fund_id JOIN townships t ON t.id = p.township_id
           LEFT JOIN villages v ON v.id = p.village_id
          WHERE ${PUBLISHED('p')}
          ORDER BY f.year DESC, f.code, p.code`,
      )
      .all() as ProjectInfo[],
);
