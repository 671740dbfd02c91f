// Publishing's heavy half (Node only): build every entry bundle and level-0 tile in SQLite
// (group_concat, ~10x cheaper than a Buffer per row), and audit exactly those bytes: each
// entry in the bundle must hash to its leaf hash in the tile. Large ledgers are split across
// worker threads (leaves.worker.ts) that hand finished files to the main thread to write.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { bytesEqual } from './bytes.ts';
import { leafHash } from './hash.ts';
import { perfectRoot } from './merkle.ts';
import { TILE_WIDTH, decodeBundle } from './tiles.ts';

/** Consecutive bundles and level-0 tiles, packed in one transferable buffer. */
export interface LeafChunk {
  /** Index of the first tile in the chunk. */
  first: number;
  data: Uint8Array;
  /** Per tile: bundle offset, bundle length, tile offset, tile length (in `data`). */
  spans: Uint32Array;
}

/** What building [lo, hi) found. */
export interface LeafResult {
  /** The first index that is missing, or whose bytes do not hash to its stored leaf hash. */
  bad: { idx: number; missing: boolean } | null;
  /** Hashes of the full level-0 tiles in the range, concatenated (32 bytes each). */
  level1: Uint8Array;
}

const CHUNK_TILES = 32;
// A bundle is the entries' 2-byte big-endian lengths and bytes, in order; a level-0 tile is
// the leaf hashes in order. group_concat passes blob bytes through unchanged in a UTF-8
// database. The tile's order is guaranteed by ORDER BY in the aggregate; the bundle uses an
// ordered subquery (twice as fast, order not promised by SQLite) because the audit below
// checks entry i of the bundle against hash i of the tile: any misordering is refused.
const BUNDLE_SQL = `SELECT CAST(group_concat(p, '') AS BLOB) FROM (
  SELECT CAST(unhex(printf('%04x', length(entry))) AS BLOB) || entry AS p FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx)`;
const TILE_SQL = `SELECT CAST(group_concat(leaf_hash, '' ORDER BY idx) AS BLOB) FROM ledger_entries WHERE idx >= ? AND idx < ?`;

/** Build and audit bundles and tiles for entries [lo, hi) (lo a multiple of 256), in chunks. */
export function buildLeaves(sqlite: Database.Database, lo: number, hi: number, sink: (c: LeafChunk) => void): LeafResult {
  const bundleStmt = sqlite.prepare(BUNDLE_SQL).pluck();
  const tileStmt = sqlite.prepare(TILE_SQL).pluck();
  const countStmt = sqlite.prepare('SELECT idx FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx').pluck();
  const level1 = new Uint8Array(Math.floor((hi - lo) / TILE_WIDTH) * 32);
  const hashes: Uint8Array[] = new Array(TILE_WIDTH);
  let parts: Uint8Array[] = [];
  let firstTile = lo / TILE_WIDTH;
  const flush = (): void => {
    const spans = new Uint32Array((parts.length / 2) * 4);
    const data = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    parts.forEach((p, i) => {
      data.set(p, o);
      spans[(i >> 1) * 4 + (i & 1) * 2] = o; // parts alternate bundle, tile: small ints, 32-bit ops are safe
      spans[(i >> 1) * 4 + (i & 1) * 2 + 1] = p.length;
      o += p.length;
    });
    if (parts.length) sink({ first: firstTile, data, spans });
    firstTile += parts.length / 2;
    parts = [];
  };
  for (let b = lo; b < hi; b += TILE_WIDTH) {
    const width = Math.min(hi, b + TILE_WIDTH) - b;
    const bundle = bundleStmt.get(b, b + width) as Uint8Array | null;
    const tile = tileStmt.get(b, b + width) as Uint8Array | null;
    let entries: Uint8Array[] | null = null;
    try {
      if (bundle && tile && tile.length === width * 32) entries = decodeBundle(bundle, width);
    } catch {
      entries = null;
    }
    if (!entries || !bundle || !tile) {
      const present = countStmt.all(b, b + width) as number[];
      const gap = present.findIndex((idx, i) => idx !== b + i);
      flush();
      return { bad: { idx: gap < 0 ? b + present.length : b + gap, missing: true }, level1 };
    }
    for (let i = 0; i < width; i++) {
      const h = leafHash(entries[i]!);
      if (!bytesEqual(h, tile.subarray(i * 32, i * 32 + 32))) {
        flush();
        return { bad: { idx: b + i, missing: false }, level1 };
      }
      hashes[i] = h;
    }
    if (width === TILE_WIDTH) level1.set(perfectRoot(hashes, 0, TILE_WIDTH), ((b - lo) / TILE_WIDTH) * 32);
    parts.push(bundle, tile);
    if (parts.length === CHUNK_TILES * 2) flush();
  }
  flush();
  return { bad: null, level1 };
}

/** Chunks a worker may have handed over but not yet seen written (bounds memory). */
export const CHUNK_CREDITS = 8;

/**
 * Build the bundles and level-0 tiles of the first `size` entries, in `workers` threads when
 * the database is a file (each with its own read-only connection), else inline. `sink` gets
 * every chunk on this thread and resolves once it is written; a worker waits while
 * CHUNK_CREDITS of its chunks are unwritten. Results are merged in index order.
 */
export async function buildAllLeaves(
  sqlite: Database.Database,
  size: number,
  workers: number,
  sink: (c: LeafChunk) => Promise<unknown>,
): Promise<LeafResult> {
  const tiles = Math.ceil(size / TILE_WIDTH);
  if (sqlite.memory || workers < 1 || tiles < 2) return buildLeaves(sqlite, 0, size, sink);
  const n = Math.min(workers, tiles);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    ranges.push([Math.floor((tiles * i) / n) * TILE_WIDTH, Math.min(size, Math.floor((tiles * (i + 1)) / n) * TILE_WIDTH)]);
  }
  const results = await Promise.all(
    ranges.map(
      ([lo, hi]) =>
        new Promise<LeafResult>((resolve, reject) => {
          const credits = new Int32Array(new SharedArrayBuffer(4));
          credits[0] = CHUNK_CREDITS;
          const w = new Worker(new URL('./leaves.worker.ts', import.meta.url), { workerData: { path: sqlite.name, lo, hi, credits } });
          w.on('message', (m: { chunk?: LeafChunk; done?: LeafResult }) => {
            if (m.chunk) {
              sink(m.chunk).then(
                () => {
                  Atomics.add(credits, 0, 1);
                  Atomics.notify(credits, 0);
                },
                reject,
              );
            }
            if (m.done) resolve(m.done);
          });
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`ledger worker exited with ${code}`)));
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
