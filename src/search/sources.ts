// What the shard builder reads from SQLite: published batches only (PUBLISHED), villages
// one at a time so a seed-scale county (882,804 payments) never sits in memory at once —
// each village is two indexed queries (disbursements_village_fund, recipients_village).
// Privacy: full names are read only for recipients paid by a fund that shows full names;
// the builder still shows them only if EVERY payment of the household is such (household-doc.ts).
import type { Db } from '../db/client.ts';
import { PUBLISHED } from '../db/read.ts';
import type { NameDisplay } from '../funds/schema.ts';
import type { FundInput, HouseholdInput, SearchBuildInput, StaffInput, TownshipInput, VillageShardInput } from './types.ts';

/** Status shown for a payment: a published disbursement has a 发放日期, so it has been paid. */
export const PAID_STATUS = '已发放';

/** Every input of `buildSearchShards` except `outDir`, read from the database. */
export function searchInputFromDb(db: Db): Omit<SearchBuildInput, 'outDir'> {
  const q = db.$client;
  const areaRows = q
    .prepare(
      `SELECT t.code, t.name, v.id, v.code, v.name FROM villages v JOIN townships t ON t.id = v.township_id
        WHERE ${PUBLISHED('v')} AND ${PUBLISHED('t')} ORDER BY t.code, v.code`,
    )
    .raw()
    .all() as [string, string, number, string, string][];
  const townships: TownshipInput[] = [];
  const villageList: { id: number; code: string; name: string; townshipCode: string }[] = [];
  for (const [tcode, tname, vid, vcode, vname] of areaRows) {
    let t = townships.at(-1);
    if (!t || t.code !== tcode) townships.push((t = { code: tcode, name: tname, villages: [] }));
    t.villages.push({ code: vcode, name: vname });
    villageList.push({ id: vid, code: vcode, name: vname, townshipCode: tcode });
  }

  const funds = (
    q.prepare(`SELECT code, name, year, office, kind, name_display FROM funds f WHERE ${PUBLISHED('f')} ORDER BY code`).raw().all() as [
      string,
      string,
      number,
      string,
      FundInput['kind'],
      NameDisplay,
    ][]
  ).map(([code, name, year, office, kind, nameDisplay]): FundInput => ({ code, name, year, office, kind, nameDisplay }));

  const projects = (
    q
      .prepare(
        `SELECT p.code, p.name, f.code, t.name, v.name, p.place, p.amount_fen, p.status
           FROM projects p JOIN funds f ON f.id = p.fund_id JOIN townships t ON t.id = p.township_id
           LEFT JOIN villages v ON v.id = p.village_id
          WHERE ${PUBLISHED('p')} ORDER BY p.code`,
      )
      .raw()
      .all() as [string, string, string, string, string | null, string, number, string][]
  ).map(([code, name, fundCode, township, village, place, amountFen, status]) => ({
    code,
    name,
    fundCode,
    township,
    ...(village ? { village } : {}),
    place,
    amountFen,
    status,
  }));

  const budgetUnits = q
    .prepare(`SELECT code, name FROM budget_units b WHERE ${PUBLISHED('b')} ORDER BY code`)
    .all() as { code: string; name: string }[];
  const institutions = q
    .prepare(`SELECT code, name, kind, parent FROM institutions i WHERE ${PUBLISHED('i')} ORDER BY code`)
    .all() as { code: string; name: string; kind: string; parent: string }[];
  const staffStmt = q.prepare(
    `SELECT s.name, i.code, s.post, s.quota_type FROM staff s JOIN institutions i ON i.id = s.institution_id
      WHERE ${PUBLISHED('s')} ORDER BY i.code, s.id`,
  );
  const staff = function* (): Generator<StaffInput> {
    for (const [name, institutionCode, post, quotaType] of staffStmt.raw().iterate() as IterableIterator<[string, string, string, string]>) {
      yield { name, institutionCode, post, quotaType };
    }
  };

  const recipientStmt = q.prepare(
    `SELECT r.id, r.household_no, r.name_masked, r.id_masked FROM recipients r WHERE r.village_id = ? ORDER BY r.household_no, r.id`,
  );
  const paymentStmt = q.prepare(
    `SELECT d.recipient_id, d.id, f.code, d.amount_fen, d.paid_on FROM disbursements d JOIN funds f ON f.id = d.fund_id
      WHERE d.village_id = ? AND ${PUBLISHED('d')} ORDER BY d.paid_on, f.code, d.id`,
  );
  const fullNameStmt = q.prepare(
    `SELECT rn.recipient_id, rn.full_name FROM recipient_names rn JOIN recipients r ON r.id = rn.recipient_id
      WHERE r.village_id = ? AND EXISTS (SELECT 1 FROM disbursements d JOIN funds f ON f.id = d.fund_id
                                          WHERE d.recipient_id = r.id AND f.name_display = 'full' AND ${PUBLISHED('d')})`,
  );
  const villages = function* (): Generator<VillageShardInput> {
    for (const v of villageList) {
      const byRecipient = new Map<number, HouseholdInput['payments']>();
      for (const [rid, id, fundCode, amountFen, paidOn] of paymentStmt.raw().iterate(v.id) as IterableIterator<[number, number, string, number, string]>) {
        let list = byRecipient.get(rid);
        if (!list) byRecipient.set(rid, (list = []));
        list.push({ id, fundCode, amountFen, paidOn, status: PAID_STATUS });
      }
      const fullNames = new Map(fullNameStmt.raw().all(v.id) as [number, string][]);
      const households: HouseholdInput[] = [];
      for (const [rid, householdNo, nameMasked, idMasked] of recipientStmt.raw().iterate(v.id) as IterableIterator<[number, string, string, string]>) {
        const payments = byRecipient.get(rid);
        if (!payments) continue; // nothing published for them: not shown anywhere
        const fullName = fullNames.get(rid);
        households.push({ householdNo, nameMasked, idLast4: idMasked.slice(-4), payments, ...(fullName ? { fullName } : {}) });
      }
      yield { village: { code: v.code, name: v.name, townshipCode: v.townshipCode }, households };
    }
  };

  return { townships, funds, villages: villages(), projects, budgetUnits, institutions, staff: staff() };
}

/**
 * The full names no search file may contain, by village: every named recipient the shards
 * show masked (some payment from a masked fund), minus names a household shown in full in
 * the same village also bears. What the privacy scan looks for (tests, bench).
 */
export function privateNamesFromDb(db: Db): { villageCode: string; fullName: string }[] {
  const rows = db.$client
    .prepare(
      `SELECT v.code, rn.full_name,
              NOT EXISTS (SELECT 1 FROM disbursements d JOIN funds f ON f.id = d.fund_id
                           WHERE d.recipient_id = r.id AND f.name_display <> 'full' AND ${PUBLISHED('d')}) AS shown
         FROM recipients r JOIN recipient_names rn ON rn.recipient_id = r.id JOIN villages v ON v.id = r.village_id
        WHERE EXISTS (SELECT 1 FROM disbursements d WHERE d.recipient_id = r.id AND ${PUBLISHED('d')})`,
    )
    .raw()
    .all() as [string, string, number][];
  const shown = new Set(rows.filter((r) => r[2] === 1).map(([v, n]) => `${v}|${n}`));
  return rows.filter(([v, n, s]) => s === 0 && !shown.has(`${v}|${n}`)).map(([villageCode, fullName]) => ({ villageCode, fullName }));
}
