// The publish-time audit (Node only): rehash every entry, compare with its stored leaf hash,
// and compute the hash of every full level-0 tile. Runs on a range of the ledger so large
// ledgers are audited by worker threads (audit.worker.ts) while the main thread writes files.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { bytesEqual } from './bytes.ts';
import { leafHash } from './hash.ts';
import { perfectRoot } from './merkle.ts';
import { TILE_WIDTH } from './tiles.ts';

/** What auditing [lo, hi) found. */
export interface AuditResult {
  /** The first index whose bytes do not hash to its stored leaf hash, or that is missing. */
  bad: { idx: number; missing: boolean } | null;
  /** Hashes of the full level-0 tiles in the range, concatenated (32 bytes each). */
  level1: Uint8Array;
}

/** Audit entries [lo, hi); lo must be a multiple of 256. */
export function auditRange(sqlite: Database.Database, lo: number, hi: number): AuditResult {
  const rows = sqlite.prepare('SELECT idx, entry, leaf_hash FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw();
  const level1 = new Uint8Array(Math.floor((hi - lo) / TILE_WIDTH) * 32);
  const hashes: Uint8Array[] = new Array(TILE_WIDTH);
  for (let b = lo; b < hi; b += TILE_WIDTH) {
    const end = Math.min(hi, b + TILE_WIDTH);
    const batch = rows.all(b, end) as Array<[number, Uint8Array, Uint8Array]>;
    for (let i = 0; i < end - b; i++) {
      const row = batch[i];
      if (!row || row[0] !== b + i) return { bad: { idx: b + i, missing: true }, level1 };
      const h = leafHash(row[1]);
      if (!bytesEqual(h, row[2])) return { bad: { idx: b + i, missing: false }, level1 };
      hashes[i] = h;
    }
    if (end - b === TILE_WIDTH) level1.set(perfectRoot(hashes, 0, TILE_WIDTH), ((b - lo) / TILE_WIDTH) * 32);
  }
  return { bad: null, level1 };
}

/**
 * Audit the first `size` entries, in `workers` threads when the database is a file (each
 * opens its own read-only connection), else inline. Results are merged in index order.
 */
export async function auditLedger(sqlite: Database.Database, size: number, workers: number): Promise<AuditResult> {
  const tiles = Math.ceil(size / TILE_WIDTH);
  if (sqlite.memory || workers < 1 || tiles < 2) return auditRange(sqlite, 0, size);
  const n = Math.min(workers, tiles);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const lo = Math.floor((tiles * i) / n) * TILE_WIDTH;
    const hi = Math.min(size, Math.floor((tiles * (i + 1)) / n) * TILE_WIDTH);
    ranges.push([lo, hi]);
  }
  const results = await Promise.all(
    ranges.map(
      ([lo, hi]) =>
        new Promise<AuditResult>((resolve, reject) => {
          const w = new Worker(new URL('./audit.worker.ts', import.meta.url), { workerData: { path: sqlite.name, lo, hi } });
          w.once('message', (r: AuditResult) => resolve(r));
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`ledger audit worker exited with ${code}`)));
        }),
    ),
  );
  const bad = results.find((r) => r.bad)?.bad ?? null;
  const level1 = new Uint8Array(results.reduce((s, r) => s + r.level1.length, 0));
  let o = 0;
  for (const r of results) {
    level1.set(r.level1, o);
    o += r.level1.length;
  }
  return { bad, level1 };
}
