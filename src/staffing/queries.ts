// Read queries for staffing establishment (机构编制), for the public pages. Staff names are
// public by design (实名制); nothing else personal about them is selected.
import type { Db } from '../db/client.ts';
import { PUBLISHED, perDb } from '../db/read.ts';
import { QUOTA_TYPES, type Institution, type QuotaType, type Staff } from './schema.ts';

export interface InstitutionSummary extends Pick<Institution, 'id' | 'code' | 'name' | 'kind' | 'parent' | 'leaderPosts'> {
  approved: Record<QuotaType, number>;
  actual: Record<QuotaType, number>;
  approvedTotal: number;
  actualTotal: number;
  /** approved posts not filled, summed over quota types */
  vacancies: number;
  /** people beyond the approved establishment, summed over quota types (超编) */
  over: number;
}

export type StaffRow = Pick<Staff, 'id' | 'name' | 'gender' | 'quotaType' | 'post' | 'joinedOn'>;

function byType(): Record<QuotaType, number> {
  return Object.fromEntries(QUOTA_TYPES.map((q) => [q, 0])) as Record<QuotaType, number>;
}

/** Every published institution with establishment and headcount per type, by code. */
export const institutionSummaries = perDb((db: Db): InstitutionSummary[] => {
  const list = db.$client
    .prepare(
      `SELECT id, code, name, kind, parent, leader_posts AS leaderPosts FROM institutions i
        WHERE ${PUBLISHED('i')} ORDER BY code`,
    )
    .all() as Pick<Institution, 'id' | 'code' | 'name' | 'kind' | 'parent' | 'leaderPosts'>[];
  const approved = db.$client
    .prepare(`SELECT institution_id, type, approved FROM quotas q WHERE ${PUBLISHED('q')}`)
    .raw()
    .all() as [number, QuotaType, number][];
  const actual = db.$client
    .prepare(`SELECT institution_id, quota_type, count(*) FROM staff s WHERE ${PUBLISHED('s')} GROUP BY institution_id, quota_type`)
    .raw()
    .all() as [number, QuotaType, number][];
  const a = new Map<number, Record<QuotaType, number>>();
  const h = new Map<number, Record<QuotaType, number>>();
  const get = (m: Map<number, Record<QuotaType, number>>, id: number) => m.get(id) ?? (m.set(id, byType()).get(id) as Record<QuotaType, number>);
  for (const [id, type, n] of approved) get(a, id)[type] = n;
  for (const [id, type, n] of actual) get(h, id)[type] = n;
  return list.map((i) => {
    const ap = a.get(i.id) ?? byType();
    const ac = h.get(i.id) ?? byType();
    let vacancies = 0;
    let over = 0;
    for (const q of QUOTA_TYPES) {
      vacancies += Math.max(0, ap[q] - ac[q]);
      over += Math.max(0, ac[q] - ap[q]);
    }
    const sum = (r: Record<QuotaType, number>) => QUOTA_TYPES.reduce((s, q) => s + r[q], 0);
    return { ...i, approved: ap, actual: ac, approvedTotal: sum(ap), actualTotal: sum(ac), vacancies, over };
  });
});

/** The real-name list of every institution (id → staff by quota type, then name), in one query. */
export const staffByInstitution = perDb((db: Db): Map<number, StaffRow[]> => {
  const rows = db.$client
    .prepare(
      `SELECT institution_id AS inst, id, name, gender, quota_type AS quotaType, post, joined_on AS joinedOn
         FROM staff s WHERE ${PUBLISHED('s')}
        ORDER BY institution_id, quota_type, id`,
    )
    .all() as (StaffRow & { inst: number })[];
  const out = new Map<number, StaffRow[]>();
  for (const { inst, ...row } of rows) (out.get(inst) ?? (out.set(inst, []).get(inst) as StaffRow[])).push(row);
  return out;
});
