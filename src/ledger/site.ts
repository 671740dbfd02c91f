// Publishing the ledger as static files (Node only): audit the database, write the tlog-tiles
// tree, sign a checkpoint consistent with the last one signed, and put it all under
// <outDir>/ledger in one rename. Also stores the tile hashes it vouched for, so later
// publishes detect rows rewritten after they were published.
//
//   ledger/checkpoint                 signed note (c2sp tlog-checkpoint)
//   ledger/tile/<L>/<N>[.p/<W>]       hash tiles, with the partial tiles of every signed size
//   ledger/tile/entries/<N>[.p/<W>]   entry bundles, likewise
//   ledger/vkey                       the verifier key, name+hash+base64
//   ledger/history/<size>             every checkpoint ever signed; history/index lists sizes
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../db/client.ts';
import { buildAllLeaves, type LeafChunk } from './leaves.ts';
import { bytesEqual } from './bytes.ts';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { emptyRoot } from './hash.ts';
import { ProofError, consistencyPlan, perfectRoot, rootPlan, runPlanSync, verifyConsistency, type NodeId } from './merkle.ts';
import { formatVerifierKey, signNote, type Signer } from './note.ts';
import { LedgerError, ledgerSize, levelHashes } from './store.ts';
import { TILE_HEIGHT, TILE_WIDTH, bundlePath, hashesAtLevel, tilePath } from './tiles.ts';

/** What writeLedgerSite produced. */
export interface LedgerSiteResult {
  size: number;
  root: Uint8Array;
  /** The signed checkpoint now at ledger/checkpoint. */
  checkpoint: string;
  /** False when the size had not changed and the last checkpoint was reused. */
  signed: boolean;
  files: number;
  bytes: number;
}

interface PastCheckpoint {
  size: number;
  origin: string;
  root: Uint8Array;
  note: string;
}

function pastCheckpoints(db: Db): PastCheckpoint[] {
  return db.$client
    .prepare('SELECT size, origin, root_hash AS root, note FROM ledger_checkpoints ORDER BY size')
    .all() as PastCheckpoint[];
}

/** Writes files under `root` with many writes in flight: file creation is latency-bound. */
class FileWriter {
  files = 0;
  bytes = 0;
  readonly root: string;
  private dirs = new Map<string, Promise<unknown>>();
  private inflight = new Set<Promise<void>>();
  private failed: unknown = null;
  constructor(root: string) {
    this.root = root;
  }
  write(rel: string, data: Uint8Array | string): Promise<void> {
    const path = join(this.root, rel);
    const dir = dirname(path);
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.dirs.set(dir, made);
    }
    const p: Promise<void> = made
      .then(() => writeFile(path, data))
      .catch((err: unknown) => {
        this.failed ??= err;
      })
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    this.files++;
    this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    return p;
  }
  /** Wait until fewer than `max` writes are in flight. */
  async drain(max = 0): Promise<void> {
    while (this.inflight.size > max) await Promise.race(this.inflight);
    if (this.failed) throw this.failed;
  }
}

/** The tile widths to write for tile `index` at `level`: the one `have` and every earlier size's. */
function widthsFor(level: number, index: number, have: number, sizes: readonly number[]): number[] {
  const out = new Set<number>([have]);
  for (const s of sizes) {
    const n = hashesAtLevel(s, level);
    if (Math.floor(n / TILE_WIDTH) === index && n % TILE_WIDTH) out.add(n % TILE_WIDTH);
  }
  return [...out].filter((w) => w > 0 && w <= have).sort((a, b) => a - b);
}

function tileBytes(hashes: readonly Uint8Array[], width: number): Uint8Array {
  const tile = new Uint8Array(width * 32);
  for (let i = 0; i < width; i++) tile.set(hashes[i]!, i * 32);
  return tile;
}

/** The first `count` entries of a bundle, as a bundle. */
function bundlePrefix(bundle: Uint8Array, count: number): Uint8Array {
  let o = 0;
  for (let i = 0; i < count; i++) o += 2 + ((bundle[o]! << 8) | bundle[o + 1]!);
  return bundle.subarray(0, o);
}

/** Writes the bundles and level-0 tiles of a chunk, with the partial ones of earlier sizes. */
function leafWriter(out: FileWriter, sizes: readonly number[]): (c: LeafChunk) => Promise<unknown> {
  return ({ first, data, spans }) => {
    const writes: Array<Promise<void>> = [];
    for (let k = 0; k * 4 < spans.length; k++) {
      const b = first + k;
      const bundle = data.subarray(spans[k * 4]!, spans[k * 4]! + spans[k * 4 + 1]!);
      const tile = data.subarray(spans[k * 4 + 2]!, spans[k * 4 + 2]! + spans[k * 4 + 3]!);
      const width = tile.length / 32;
      for (const w of widthsFor(0, b, width, sizes)) {
        writes.push(out.write(bundlePath(b, w), w === width ? bundle : bundlePrefix(bundle, w)));
        writes.push(out.write(tilePath({ level: 0, index: b, width: w }), tile.subarray(0, w * 32)));
      }
    }
    return Promise.all(writes);
  };
}

/** Level 1 and up from the audited level-1 hashes: levels[t] holds every level-t tile hash. */
function upperLevels(level1: Uint8Array, size: number): Uint8Array[][] {
  const levels: Uint8Array[][] = [[]];
  const first: Uint8Array[] = [];
  for (let i = 0; i < level1.length; i += 32) first.push(level1.subarray(i, i + 32));
  if (first.length) levels.push(first);
  for (let t = 1; hashesAtLevel(size, t + 1) > 0; t++) {
    const below = levels[t]!;
    const next: Uint8Array[] = [];
    for (let i = 0; (i + 1) * TILE_WIDTH <= below.length; i++) next.push(perfectRoot(below, i * TILE_WIDTH, TILE_WIDTH));
    levels.push(next);
  }
  return levels;
}

/** Compare computed tile hashes with the stored ones; return the ones not stored yet. */
function newTileHashes(db: Db, levels: Uint8Array[][]): Array<[number, number, Uint8Array]> {
  const stored = db.$client.prepare('SELECT level, idx, hash FROM ledger_tile_hashes ORDER BY level, idx').raw().all() as Array<[number, number, Uint8Array]>;
  const have = new Map<number, number>();
  for (const [level, idx, hash] of stored) {
    const want = levels[level]?.[idx];
    if (!want || !bytesEqual(want, hash)) {
      const span = Math.pow(TILE_WIDTH, level);
      throw new LedgerError(
        `ledger_tile_hashes level ${level} index ${idx} does not match entries ${idx * span}–${(idx + 1) * span - 1}: rows were rewritten after they were published`,
      );
    }
    have.set(level, idx + 1);
  }
  const out: Array<[number, number, Uint8Array]> = [];
  levels.forEach((hashes, level) => {
    if (level === 0) return;
    for (let i = have.get(level) ?? 0; i < hashes.length; i++) out.push([level, i, hashes[i]!]);
  });
  return out;
}

/** A HashReader over the audited leaf hashes (in the database) and the computed levels. */
function auditedReader(db: Db, levels: Uint8Array[][]) {
  return (nodes: readonly NodeId[]): Uint8Array[] =>
    nodes.map((n) => {
      const t = Math.floor(n.level / TILE_HEIGHT);
      const count = Math.pow(2, n.level - t * TILE_HEIGHT);
      const from = n.index * count;
      return perfectRoot(t === 0 ? levelHashes(db, 0, from, count) : levels[t]!, t === 0 ? 0 : from, count);
    });
}

/** The root the last checkpoint signed, read from its note (the column alone could be altered). */
function signedRoot(c: PastCheckpoint): Uint8Array {
  const cp = parseCheckpoint(c.note.slice(0, c.note.lastIndexOf('\n\n') + 1));
  if (cp.size !== c.size || cp.origin !== c.origin || !bytesEqual(cp.root, c.root)) {
    throw new LedgerError(`ledger_checkpoints row of size ${c.size} does not match its signed note`);
  }
  return cp.root;
}

export interface WriteLedgerOptions {
  /** Worker threads building the leaves of a file database (default 2; 0 works inline). */
  workers?: number;
}

/**
 * Write the ledger of `db` into `<outDir>/ledger` and sign a checkpoint for `origin`.
 * Every entry is rehashed and every stored hash checked first; refuses (LedgerError) when a
 * row was altered, when the origin changed, or when the tree does not extend the last
 * checkpoint signed. Nothing is signed, stored or replaced then.
 */
export async function writeLedgerSite(
  db: Db,
  outDir: string,
  signer: Signer,
  origin: string,
  opts: WriteLedgerOptions = {},
): Promise<LedgerSiteResult> {
  const size = ledgerSize(db);
  const past = pastCheckpoints(db);
  const last = past[past.length - 1];
  if (last && last.origin !== origin) {
    throw new LedgerError(`the ledger's origin is ${JSON.stringify(last.origin)}; refusing to sign for ${JSON.stringify(origin)}`);
  }
  if (last && size < last.size) throw new LedgerError(`the ledger has ${size} entries but a checkpoint of ${last.size} was signed`);
  const lastRoot = last && signedRoot(last);
  const sizes = past.map((c) => c.size);

  const final = join(outDir, 'ledger');
  const tmp = join(outDir, `.ledger-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const out = new FileWriter(tmp);
  try {
    // Worker threads build and audit bundles and leaf tiles; this thread writes them.
    const { bad, level1 } = await buildAllLeaves(db.$client, size, opts.workers ?? 2, leafWriter(out, sizes));
    if (bad) {
      throw new LedgerError(
        bad.missing
          ? `ledger entry ${bad.idx} is missing`
          : `ledger entry ${bad.idx} does not match its stored leaf hash: the row was altered after it was appended`,
      );
    }
    const levels = upperLevels(level1, size);
    const fresh = newTileHashes(db, levels);
    for (let t = 1; t < levels.length; t++) {
      const hashes = levels[t]!;
      const n = hashesAtLevel(size, t);
      for (let i = 0; i * TILE_WIDTH < n; i++) {
        const slice = hashes.slice(i * TILE_WIDTH, Math.min(n, (i + 1) * TILE_WIDTH));
        for (const w of widthsFor(t, i, slice.length, sizes)) out.write(tilePath({ level: t, index: i, width: w }), tileBytes(slice, w));
      }
    }
    const reader = auditedReader(db, levels);
    const root = runPlanSync(rootPlan(size), reader);
    if (last && lastRoot) {
      try {
        if (last.size === 0) {
          if (!bytesEqual(lastRoot, emptyRoot())) throw new ProofError('the empty checkpoint has a wrong root');
        } else {
          verifyConsistency(last.size, size, runPlanSync(consistencyPlan(last.size, size), reader), lastRoot, root);
        }
      } catch (err) {
        throw new LedgerError(`refusing to sign: the ledger is not consistent with the checkpoint of size ${last.size} (${(err as Error).message})`);
      }
    }
    let note = last?.note ?? '';
    const signed = !last || last.size !== size;
    if (signed) note = await signNote(formatCheckpoint({ origin, size, root, extensions: [] }), [signer]);
    // What the checks above vouched for is stored together with the new checkpoint.
    db.$client.transaction(() => {
      const ins = db.$client.prepare('INSERT INTO ledger_tile_hashes (level, idx, hash) VALUES (?, ?, ?)');
      for (const [level, idx, hash] of fresh) ins.run(level, idx, hash);
      if (signed) {
        db.$client
          .prepare('INSERT INTO ledger_checkpoints (origin, size, root_hash, note, signed_at) VALUES (?, ?, ?, ?, ?)')
          .run(origin, size, root, note, new Date().toISOString());
      }
    })();
    if (signed) past.push({ size, origin, root, note });
    out.write('checkpoint', note);
    out.write('vkey', `${formatVerifierKey(signer.name, signer.publicKey)}\n`);
    for (const c of past) out.write(`history/${c.size}`, c.note);
    out.write('history/index', past.map((c) => `${c.size}\n`).join(''));
    await out.drain();
    // Swap the finished directory into place.
    const old = join(outDir, `.ledger-old-${process.pid}`);
    if (existsSync(final)) renameSync(final, old);
    renameSync(tmp, final);
    rmSync(old, { recursive: true, force: true });
    return { size, root, checkpoint: note, signed, files: out.files, bytes: out.bytes };
  } catch (err) {
    await out.drain().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
