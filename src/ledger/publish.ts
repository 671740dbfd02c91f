// Putting published records into the ledger (Node only). Before each build every source's
// current public records are compared with the newest version the ledger holds:
//   - a record the ledger has not seen is appended (version 1);
//   - a record whose public fields differ from its ledger version, or that disappeared, was
//     edited without a correction: publishing refuses and names it, because the site would
//     otherwise show a value the ledger never vouched for;
//   - `./gongkai ledger correct KIND:ID` (correctRecords) appends the new value as the next
//     version, naming the entry it supersedes; a record gone from the site gets a version
//     whose fields are {"withdrawn": true}.
import type { Db } from '../db/client.ts';
import { decodeRecordEntry, encodeRecordEntry, encodeRecordText, type JsonValue, type RecordEntry } from './record.ts';
import { ledgerSources, type LedgerSource } from './sources.ts';
import { appendEntries, LedgerError } from './store.ts';

// Buffer.from is ~5× faster than TextEncoder here, and Buffer.equals a memcmp (Node only).
const utf8Node = (text: string): Buffer => Buffer.from(text, 'utf8');
const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;

const WITHDRAWN: { [k: string]: JsonValue } = { withdrawn: true };

interface Current {
  version: number;
  idx: number;
  /** the index of the version before, which this one's `supersedes` names */
  prevIdx: number | undefined;
  entry: Uint8Array;
}

/** A published record whose public value no longer matches its newest ledger entry. */
export interface Drift {
  kind: string;
  id: string | number;
  /** ledger index and version of the newest entry */
  idx: number;
  version: number;
  /** the current public fields, or null when the record is no longer published */
  fields: { [key: string]: JsonValue } | null;
}

export interface LedgerDiff {
  /** records the ledger has not seen, encoded as version 1, in source order */
  fresh: Array<{ kind: string; id: string; entry: Uint8Array }>;
  drift: Drift[];
  unchanged: number;
}

function currentVersions(db: Db, kind: string): Map<string, Current> {
  const out = new Map<string, Current>();
  const sql = `SELECT r.record_id AS id, r.version, r.idx, e.entry FROM ledger_records r JOIN ledger_entries e ON e.idx = r.idx
               WHERE r.kind = ? ORDER BY r.record_id, r.version`;
  for (const row of db.$client.prepare(sql).all(kind) as Array<{ id: string; version: number; idx: number; entry: Uint8Array }>) {
    out.set(row.id, { version: row.version, idx: row.idx, prevIdx: out.get(row.id)?.idx, entry: row.entry });
  }
  return out;
}

function diffSource(db: Db, source: LedgerSource, out: LedgerDiff): void {
  const { kind } = source;
  const current = currentVersions(db, kind);
  // Streamed: nothing else touches the database while a source's cursor is open
  // (better-sqlite3 would refuse), since the current versions were read above.
  for (const rec of source.records(db)) {
    const key = String(rec.id);
    const c = current.get(key);
    if (!c) {
      out.fresh.push({ kind, id: key, entry: utf8Node(encodeRecordText({ kind, id: rec.id, version: 1, fields: rec.fields })) });
      continue;
    }
    current.delete(key);
    const expected = utf8Node(encodeRecordText({ kind, id: rec.id, version: c.version, fields: rec.fields, ...(c.prevIdx !== undefined && { supersedes: c.prevIdx }) }));
    if (bytesEqual(expected, c.entry)) out.unchanged++;
    else out.drift.push({ kind, id: rec.id, idx: c.idx, version: c.version, fields: rec.fields });
  }
  // What is left was published before and is not public now.
  for (const [key, c] of current) {
    const rec = decodeRecordEntry(c.entry);
    if (rec && rec.fields.withdrawn === true && Object.keys(rec.fields).length === 1) continue;
    out.drift.push({ kind, id: rec?.id ?? key, idx: c.idx, version: c.version, fields: null });
  }
}

/** Compare every source's public records with the ledger. */
export function diffLedger(db: Db, sources: readonly LedgerSource[] = ledgerSources()): LedgerDiff {
  const out: LedgerDiff = { fresh: [], drift: [], unchanged: 0 };
  for (const s of sources) diffSource(db, s, out);
  return out;
}

const INSERT_RECORD = 'INSERT INTO ledger_records (kind, record_id, version, idx) VALUES (?, ?, ?, ?)';

/** Append encoded entries and their ledger_records rows in one transaction. */
function appendMapped(db: Db, items: ReadonlyArray<{ kind: string; id: string; version: number; entry: Uint8Array }>): { first: number; size: number } {
  const ins = db.$client.prepare(INSERT_RECORD);
  return db.$client.transaction(() => {
    const res = appendEntries(
      db,
      items.map((i) => i.entry),
    );
    items.forEach((i, k) => ins.run(i.kind, i.id, i.version, res.first + k));
    return res;
  }).immediate();
}

/** What changed in one drifted record, for people: "amount_fen 43413 → 43500". */
export function describeDrift(db: Db, d: Drift): string {
  if (!d.fields) return `${d.kind}:${d.id} (ledger entry ${d.idx}) is no longer published`;
  const row = db.$client.prepare('SELECT entry FROM ledger_entries WHERE idx = ?').get(d.idx) as { entry: Uint8Array } | undefined;
  const old = row ? decodeRecordEntry(row.entry) : null;
  const changes: string[] = [];
  const keys = new Set([...Object.keys(old?.fields ?? {}), ...Object.keys(d.fields)]);
  for (const k of [...keys].sort()) {
    const a = JSON.stringify(old?.fields[k] ?? null);
    const b = JSON.stringify(d.fields[k] ?? null);
    if (a !== b) changes.push(`${k} ${a} → ${b}`);
  }
  return `${d.kind}:${d.id} (ledger entry ${d.idx}): ${changes.join(', ') || 'encoding differs'}`;
}

/**
 * The before-build step: append every record the ledger has not seen. Refuses (LedgerError,
 * nothing appended) when a published record changed without a correction.
 */
export function appendPublished(db: Db, log: (m: string) => void = () => {}): { appended: number; size: number } {
  const diff = diffLedger(db);
  if (diff.drift.length) {
    const shown = diff.drift.slice(0, 5).map((d) => `  ${describeDrift(db, d)}`);
    if (diff.drift.length > 5) shown.push(`  … and ${diff.drift.length - 5} more`);
    throw new LedgerError(
      `refusing to publish: ${diff.drift.length} published record(s) differ from the transparency ledger and no correction was recorded:\n${shown.join('\n')}\n` +
        `If the change is intended, record it as a correction first: ./gongkai ledger correct KIND:ID (./gongkai ledger pending lists them all).\n` +
        `拒绝发布：已公开的记录被修改而未登记更正。若确需修改，请先运行 ./gongkai ledger correct 登记更正。`,
    );
  }
  const res = appendMapped(db, diff.fresh.map((f) => ({ ...f, version: 1 })));
  log(`  ledger: ${diff.fresh.length} new record(s) appended, ${diff.unchanged} unchanged; ${res.size} entries`);
  return { appended: diff.fresh.length, size: res.size };
}

/**
 * Record corrections: for each drifted record named in `keys` ("kind:id"; all when omitted),
 * append its current value (or {"withdrawn": true}) as the next version, superseding the
 * newest. Returns what was appended; unknown keys throw before anything is written.
 */
export function correctRecords(db: Db, keys?: readonly string[]): Array<{ kind: string; id: string | number; idx: number; version: number; supersedes: number }> {
  const { drift } = diffLedger(db);
  const wanted = keys ? new Set(keys) : null;
  const chosen = wanted ? drift.filter((d) => wanted.delete(`${d.kind}:${d.id}`)) : drift;
  if (wanted?.size) throw new LedgerError(`no pending change for ${[...wanted].join(', ')} (./gongkai ledger pending lists them)`);
  const items = chosen.map((d) => {
    const r: RecordEntry = { kind: d.kind, id: d.id, version: d.version + 1, fields: d.fields ?? WITHDRAWN, supersedes: d.idx };
    return { kind: d.kind, id: String(d.id), version: r.version, entry: encodeRecordEntry(r), supersedes: d.idx };
  });
  const { first } = appendMapped(db, items);
  return items.map((i, k) => ({ kind: i.kind, id: chosen[k]!.id, idx: first + k, version: i.version, supersedes: i.supersedes }));
}
