// The ledger in SQLite (Node only): appending entries in one transaction, and reading hashes
// back for roots and proofs.
//
// The hot paths use better-sqlite3 prepared statements directly rather than the Drizzle
// query builder: a million-row append is the benchmark this module is held to.
import type { Db } from '../db/client.ts';
import { leafHash } from './hash.ts';
import { perfectRoot, runPlanSync, rootPlan, inclusionPlan, consistencyPlan, type NodeId, type SyncHashReader } from './merkle.ts';
import { decodeRecordEntry, encodeRecordEntry, recordKey, type RecordEntry } from './record.ts';
import { useNodeSha256 } from './sha256.node.ts';
import { MAX_ENTRY_SIZE, TILE_HEIGHT, TILE_WIDTH } from './tiles.ts';

useNodeSha256();

/** Refused input or a broken ledger invariant. */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

// SQLite hands back Buffers; callers get plain Uint8Arrays, as from the browser code.
const u8 = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
function plainEntry(row: StoredEntry | undefined): StoredEntry | undefined {
  return row && { ...row, entry: u8(row.entry), leafHash: u8(row.leafHash) };
}

/** Number of entries in the ledger. */
export function ledgerSize(db: Db): number {
  const row = db.$client.prepare('SELECT coalesce(max(idx) + 1, 0) AS n FROM ledger_entries').get() as { n: number };
  return row.n;
}

export interface AppendResult {
  /** Index of the first appended entry. */
  first: number;
  /** Ledger size after the append. */
  size: number;
}

const ROWS_PER_INSERT = 64; // multi-row INSERTs: a million single-row calls cost twice as much

/**
 * Append entries as the next leaves, with their leaf hashes, in one transaction (a savepoint
 * when the caller is already in one). Tile hashes are computed and stored when the ledger is
 * published (site.ts), which rehashes everything anyway to audit it.
 */
export function appendEntries(db: Db, entries: readonly Uint8Array[]): AppendResult {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (!(e instanceof Uint8Array)) throw new LedgerError(`entry ${i} is not bytes`);
    if (e.length > MAX_ENTRY_SIZE) throw new LedgerError(`entry ${i} is ${e.length} bytes; tlog-tiles bundles allow ${MAX_ENTRY_SIZE}`);
  }
  const sqlite = db.$client;
  const sql = (rows: number): string =>
    `INSERT INTO ledger_entries (idx, entry, leaf_hash, appended_at) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`;
  const insertMany = sqlite.prepare(sql(ROWS_PER_INSERT));
  const insertOne = sqlite.prepare(sql(1));
  const now = new Date().toISOString();
  return sqlite.transaction((): AppendResult => {
    const first = ledgerSize(db);
    const args: unknown[] = new Array(ROWS_PER_INSERT * 4);
    let i = 0;
    for (; i + ROWS_PER_INSERT <= entries.length; i += ROWS_PER_INSERT) {
      for (let j = 0; j < ROWS_PER_INSERT; j++) {
        const e = entries[i + j]!;
        args[j * 4] = first + i + j;
        args[j * 4 + 1] = e;
        args[j * 4 + 2] = leafHash(e);
        args[j * 4 + 3] = now;
      }
      insertMany.run(args);
    }
    for (; i < entries.length; i++) insertOne.run(first + i, entries[i]!, leafHash(entries[i]!), now);
    return { first, size: first + entries.length };
  }).immediate();
}

/**
 * Encode and append records. A record with `supersedes` must name an earlier entry of the
 * same record (same kind and id), appended before or earlier in this call.
 */
export function appendRecords(db: Db, records: readonly RecordEntry[]): AppendResult {
  const entries = records.map(encodeRecordEntry);
  const keys = records.map((r) => recordKey(r.kind, r.id));
  return db.$client.transaction(() => {
    const first = ledgerSize(db);
    records.forEach((r, i) => {
      if (r.supersedes === undefined) return;
      let target: string | undefined;
      if (r.supersedes >= first + i) target = undefined;
      else if (r.supersedes >= first) target = keys[r.supersedes - first];
      else {
        const old = readEntry(db, r.supersedes);
        const rec = old && decodeRecordEntry(old.entry);
        target = rec ? recordKey(rec.kind, rec.id) : undefined;
      }
      if (target !== keys[i]) {
        throw new LedgerError(`${keys[i]}: supersedes entry ${r.supersedes}, which is not an earlier version of the same record`);
      }
    });
    return appendEntries(db, entries);
  })();
}

/** One stored entry. */
export interface StoredEntry {
  idx: number;
  entry: Uint8Array;
  leafHash: Uint8Array;
  appendedAt: string;
}

/** The entry at `idx`, if any. */
export function readEntry(db: Db, idx: number): StoredEntry | undefined {
  return plainEntry(
    db.$client
      .prepare('SELECT idx, entry, leaf_hash AS leafHash, appended_at AS appendedAt FROM ledger_entries WHERE idx = ?')
      .get(idx) as StoredEntry | undefined,
  );
}

/** A record's versions, newest first, following `supersedes` back from the entry at `idx`. */
export function recordHistory(db: Db, idx: number): Array<{ idx: number; record: RecordEntry }> {
  const out: Array<{ idx: number; record: RecordEntry }> = [];
  for (let at: number | undefined = idx; at !== undefined; ) {
    const row = readEntry(db, at);
    const record = row && decodeRecordEntry(row.entry);
    if (!record) throw new LedgerError(`ledger entry ${at} is not a record`);
    out.push({ idx: at, record });
    if (record.supersedes !== undefined && record.supersedes >= at) throw new LedgerError(`ledger entry ${at} supersedes a later entry`);
    at = record.supersedes;
  }
  return out;
}

/**
 * The level-`level` tile hashes [from, from+count): leaf hashes at level 0, stored tile hashes
 * above, computed from the level below where not stored yet (entries not yet published).
 */
export function levelHashes(db: Db, level: number, from: number, count: number): Uint8Array[] {
  if (level === 0) {
    const rows = db.$client.prepare('SELECT leaf_hash FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx').pluck().all(from, from + count) as Uint8Array[];
    if (rows.length !== count) throw new LedgerError(`ledger has no entries ${from}–${from + count - 1}`);
    return rows.map(u8);
  }
  const stored = db.$client
    .prepare('SELECT hash FROM ledger_tile_hashes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx')
    .pluck()
    .all(level, from, from + count) as Uint8Array[];
  const out = stored.map(u8);
  // Stored hashes are a prefix of each level (triggers keep them gapless).
  for (let i = from + out.length; i < from + count; i++) {
    out.push(perfectRoot(levelHashes(db, level - 1, i * TILE_WIDTH, TILE_WIDTH), 0, TILE_WIDTH));
  }
  return out;
}

/** A HashReader over the database. */
export function dbHashReader(db: Db): SyncHashReader {
  return (nodes: readonly NodeId[]) =>
    nodes.map((n) => {
      // A subtree at tree level 8t+h is the root of 2^h consecutive level-t hashes.
      const t = Math.floor(n.level / TILE_HEIGHT);
      const count = Math.pow(2, n.level - t * TILE_HEIGHT);
      return perfectRoot(levelHashes(db, t, n.index * count, count), 0, count);
    });
}

/** Root hash of the ledger's first `size` entries. */
export function rootAt(db: Db, size: number): Uint8Array {
  return runPlanSync(rootPlan(size), dbHashReader(db));
}

/** Inclusion proof of entry `index` in the tree of `size` entries, from the database. */
export function inclusionProofAt(db: Db, index: number, size: number): Uint8Array[] {
  return runPlanSync(inclusionPlan(index, size), dbHashReader(db));
}

/** Consistency proof from `size1` to `size2`, from the database. */
export function consistencyProofAt(db: Db, size1: number, size2: number): Uint8Array[] {
  return runPlanSync(consistencyPlan(size1, size2), dbHashReader(db));
}
