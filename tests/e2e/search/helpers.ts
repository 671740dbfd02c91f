// Households of the sample county the search tests look up, read from the test database
// (./gongkai test gives the suite its own copy) so the tests follow the data, not literals.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nameReadings } from '../../../src/search/pinyin.ts';
import type { PrivateName } from '../../../src/search/privacy-scan.ts';
import { privateNamesFromDb } from '../../../src/search/sources.ts';
import { testDb } from '../site/helpers.ts';

export { clientDir } from '../site/helpers.ts';

export interface Household {
  recipientId: number;
  fullName: string;
  nameMasked: string;
  householdNo: string;
  idLast4: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
}

const SELECT = `SELECT r.id AS recipientId, rn.full_name AS fullName, r.name_masked AS nameMasked, r.household_no AS householdNo,
                       substr(r.id_masked, -4) AS idLast4, v.code AS villageCode, v.name AS villageName, t.name AS townshipName
                  FROM recipients r JOIN recipient_names rn ON rn.recipient_id = r.id
                  JOIN villages v ON v.id = r.village_id JOIN townships t ON t.id = v.township_id`;
/** every payment of the recipient comes from a fund that shows full names */
const ALL_FULL = `EXISTS (SELECT 1 FROM disbursements d WHERE d.recipient_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM disbursements d JOIN funds f ON f.id = d.fund_id WHERE d.recipient_id = r.id AND f.name_display <> 'full')`;

/** A household shown by its full name (all its funds publish full names), with a three-character name. */
export function publicHousehold(): Household {
  const db = testDb();
  try {
    const rows = db.$client.prepare(`${SELECT} WHERE ${ALL_FULL} AND length(rn.full_name) = 3 ORDER BY r.id`).all() as Household[];
    const h = rows.find((r) => nameReadings(Array.from(r.fullName)).every((x) => x.length > 0));
    if (!h) throw new Error('the sample county has no public three-character name');
    return h;
  } finally {
    db.$client.close();
  }
}

/** Two masked households of one village whose masks are the same (王*明 and 王*明): namesakes as the site shows them. */
export function maskedNamesakes(): [Household, Household] {
  const db = testDb();
  try {
    const rows = db.$client
      .prepare(
        `${SELECT} WHERE NOT (${ALL_FULL}) AND EXISTS (SELECT 1 FROM disbursements d WHERE d.recipient_id = r.id)
           AND length(rn.full_name) = 3
           AND (SELECT count(*) FROM recipients r2 WHERE r2.village_id = r.village_id AND r2.name_masked = r.name_masked) >= 2
         ORDER BY v.code, r.name_masked, r.id`,
      )
      .all() as Household[];
    for (let i = 0; i + 1 < rows.length; i++) {
      const [a, b] = [rows[i]!, rows[i + 1]!];
      if (a.villageCode === b.villageCode && a.nameMasked === b.nameMasked && a.idLast4 !== b.idLast4) return [a, b];
    }
    throw new Error('the sample county has no masked namesakes');
  } finally {
    db.$client.close();
  }
}

/** Full names that must appear in no shard (the query the bench's scan uses too). */
export function privateNames(): PrivateName[] {
  const db = testDb();
  try {
    return privateNamesFromDb(db);
  } finally {
    db.$client.close();
  }
}

/** Pinyin of a name: [full, surname + initials, initials], e.g. wangxiaoming, wangxm, wxm. */
export function pinyinQueries(fullName: string): { full: string; mixed: string; initials: string } {
  const read = nameReadings(Array.from(fullName)).map((r) => r[0]!);
  return { full: read.join(''), mixed: read[0] + read.slice(1).map((r) => r[0]).join(''), initials: read.map((r) => r[0]).join('') };
}

/** Every file under the build's search folder, .gz twins included. */
export function searchFiles(client: string): string[] {
  const dir = join(client, 'search');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.json(\.gz)?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}
