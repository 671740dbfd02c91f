// Build-time queries for record pages (Node only): which ledger entries hold the record a
// page shows. RecordActions' `record` ("fund:ZX2025-01", "village:430524101001", …) maps to
// ledger records as follows:
//   fund:, project:, institution:  the record itself, with every version (corrections)
//   budget-unit:CODE               the current version of each of the unit's budget lines
//   village:CODE                   the village's household payments, as runs of
//                                  (payment id, ledger index, length): consecutive ids at
//                                  consecutive indexes, since payments are appended in
//                                  village order (sources.ts). The browser maps the page's
//                                  payment rows (record=disbursement:ID links) through them.
import type { Db } from '../db/client.ts';
import { ledgerSize } from './store.ts';

export interface PageVersion {
  version: number;
  idx: number;
}

export interface PageLedger {
  /** single-record pages: the versions, oldest first */
  versions?: PageVersion[];
  /** multi-record pages (budget units): the current ledger index of each record */
  indexes?: number[];
  /** village pages: "id,idx,len;…" */
  runs?: string;
  /** the ledger kind of what is checked */
  kind: string;
  /** for single records, the ledger record id */
  id?: string;
}

const SINGLE: Record<string, string> = { fund: 'fund', project: 'project', institution: 'institution' };

// Memoised per database and ledger size: a build renders a village's pages many times over,
// while the ledger does not change during it.
const villageCache = new WeakMap<Db, { size: number; runs: Map<string, string> }>();

/** The ledger entries behind a record page, or null when the ledger holds none. */
export function pageLedger(db: Db, record: string): PageLedger | null {
  const at = record.indexOf(':');
  const type = record.slice(0, at);
  const id = record.slice(at + 1);
  const kind = SINGLE[type];
  if (kind) {
    const versions = db.$client
      .prepare('SELECT version, idx FROM ledger_records WHERE kind = ? AND record_id = ? ORDER BY version')
      .all(kind, id) as PageVersion[];
    return versions.length ? { kind, id, versions } : null;
  }
  if (type === 'budget-unit') {
    const indexes = db.$client
      .prepare(
        `SELECT max(idx) FROM ledger_records WHERE kind = 'budget-line' AND record_id >= ? AND record_id < ?
         GROUP BY record_id ORDER BY record_id`,
      )
      .pluck()
      .all(`${id}/`, `${id}0`) as number[]; // '0' is the character after '/'
    return indexes.length ? { kind: 'budget-line', indexes } : null;
  }
  if (type === 'village') {
    const runs = villageRuns(db, id);
    return runs ? { kind: 'disbursement', runs } : null;
  }
  return null;
}

/** "id,idx,len;…" for a village's payments (current versions), memoised per build. */
function villageRuns(db: Db, code: string): string {
  const size = ledgerSize(db);
  let memo = villageCache.get(db);
  if (!memo || memo.size !== size) villageCache.set(db, (memo = { size, runs: new Map() }));
  const cache = memo.runs;
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const rows = db.$client
    .prepare(
      `SELECT d.id AS id, (SELECT max(r.idx) FROM ledger_records r WHERE r.kind = 'disbursement' AND r.record_id = CAST(d.id AS TEXT)) AS idx
       FROM disbursements d JOIN villages v ON v.id = d.village_id WHERE v.code = ? ORDER BY d.id`,
    )
    .raw()
    .all(code) as Array<[number, number | null]>;
  const runs: number[][] = [];
  for (const [pid, idx] of rows) {
    if (idx === null) continue;
    const last = runs[runs.length - 1];
    if (last && pid === last[0]! + last[2]! && idx === last[1]! + last[2]!) last[2]!++;
    else runs.push([pid, idx, 1]);
  }
  const text = runs.map((r) => r.join(',')).join(';');
  cache.set(code, text);
  return text;
}
