// Verifying any tlog-tiles log whose entries are opaque bytes: the signed checkpoint, every
// entry bundle and every tile (full and the partial ones of each published size), the root,
// and consistency with earlier checkpoints. Isomorphic: the caller supplies `read`, which
// fetches a path under the log prefix (a directory in the CLI, fetch() in a browser).
import { bytesEqual, toBase64 } from './bytes.ts';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { emptyRoot, leafHash } from './hash.ts';
import { consistencyPlan, inclusionPlan, perfectRoot, rootPlan, runPlan, verifyConsistency, verifyInclusion, type HashReader } from './merkle.ts';
import type { Verifier } from './note.ts';
import { decodeRecordEntry, type RecordEntry } from './record.ts';
import { TILE_WIDTH, bundlePath, decodeBundle, hashesAtLevel, splitTile, tileHashReader, tilePath } from './tiles.ts';

/** Reads a file under the log prefix; null when it does not exist. */
export type ReadLog = (path: string) => Promise<Uint8Array | null>;

/** Verification failed; `where` names the first bad file or entry. */
export class VerifyError extends Error {
  readonly where: string | undefined;
  constructor(message: string, where?: string) {
    super(message);
    this.name = 'VerifyError';
    this.where = where;
  }
}

export interface VerifyOptions {
  /** The trusted key. */
  key: Verifier;
  /** The expected checkpoint origin, when known. */
  origin?: string;
  /** An earlier signed checkpoint that the current one must extend. */
  since?: string | Uint8Array;
  /** Progress lines for a terminal. */
  progress?: (line: string) => void;
  /** Files fetched ahead while hashing (HTTP logs benefit). */
  readAhead?: number;
}

export interface VerifyReport {
  checkpoint: Checkpoint;
  bundles: number;
  tiles: number;
  /** Sizes of the earlier checkpoints found consistent (history and --since), ascending. */
  consistentWith: number[];
}

const textOf = (b: Uint8Array): string => new TextDecoder().decode(b);

async function must(read: ReadLog, path: string): Promise<Uint8Array> {
  const data = await read(path);
  if (!data) throw new VerifyError(`${path} is missing`, path);
  return data;
}

/** Read and verify the current checkpoint; also returns the signed note's text. */
export async function readCheckpoint(read: ReadLog, key: Verifier, origin?: string): Promise<{ cp: Checkpoint; note: string }> {
  try {
    const bytes = await must(read, 'checkpoint');
    return { cp: (await openCheckpoint(bytes, key, origin)).checkpoint, note: textOf(bytes) };
  } catch (err) {
    if (err instanceof VerifyError) throw err;
    throw new VerifyError(`checkpoint: ${(err as Error).message}`, 'checkpoint');
  }
}

interface Mismatch {
  path: string;
  /** Index of the first hash that differs, among the tile level's hashes. */
  at: number;
  position: number;
}

/** Verify the whole log; throws VerifyError naming the first bad index or file. */
export async function verifyLog(read: ReadLog, opts: VerifyOptions): Promise<VerifyReport> {
  const say = opts.progress ?? (() => {});
  const { cp } = await readCheckpoint(read, opts.key, opts.origin);
  const size = cp.size;
  say(`checkpoint: ${cp.origin}, ${size} entries, root ${toBase64(cp.root)}`);

  // Earlier checkpoints: the published history (this project's extension) and --since.
  const earlier: Array<{ label: string; cp: Checkpoint }> = [];
  const index = await read('history/index');
  if (index) {
    for (const line of textOf(index).split('\n').filter(Boolean)) {
      const path = `history/${line}`;
      if (!/^(0|[1-9][0-9]*)$/.test(line)) throw new VerifyError(`history/index lists ${JSON.stringify(line)}`, 'history/index');
      earlier.push({ label: path, cp: await openEarlier(await must(read, path), path, opts, cp) });
    }
  }
  if (opts.since !== undefined) earlier.push({ label: '--since checkpoint', cp: await openEarlier(opts.since, '--since checkpoint', opts, cp) });

  // Stream the bundles, rebuilding every tile from the entries and comparing it with the
  // tile served. Mismatches are collected, then blamed on entries or tiles using the roots.
  const sizes = [...new Set([size, ...earlier.map((e) => e.cp.size)])];
  const inflight = new Map<string, Promise<Uint8Array | null>>();
  const fetchOnce = (path: string): Promise<Uint8Array> => {
    const p = inflight.get(path) ?? read(path);
    inflight.delete(path);
    return p.then((d) => {
      if (!d) throw new VerifyError(`${path} is missing`, path);
      return d;
    });
  };
  const widthFor = (level: number, index: number, s: number): number => {
    const n = hashesAtLevel(s, level);
    return Math.floor(n / TILE_WIDTH) > index ? TILE_WIDTH : Math.floor(n / TILE_WIDTH) === index ? n % TILE_WIDTH : 0;
  };
  let firstTileMismatch: Mismatch | undefined;
  let firstEntryMismatch: Mismatch | undefined;
  let tiles = 0;
  const checkTile = async (level: number, index: number, hashes: Uint8Array[]): Promise<void> => {
    const widths = new Set(sizes.map((s) => widthFor(level, index, s)).filter((w) => w > 0 && w <= hashes.length));
    for (const w of widths) {
      const path = tilePath({ level, index, width: w });
      let served: Uint8Array[];
      try {
        served = splitTile(await fetchOnce(path), w);
      } catch (err) {
        if (err instanceof VerifyError) throw err;
        throw new VerifyError(`${path}: ${(err as Error).message}`, path);
      }
      tiles++;
      for (let i = 0; i < w; i++) {
        if (!bytesEqual(served[i]!, hashes[i]!)) {
          firstTileMismatch ??= { path, at: index * TILE_WIDTH + i, position: i };
          if (level === 0) firstEntryMismatch ??= { path, at: index * TILE_WIDTH + i, position: i };
          break;
        }
      }
    }
  };

  const bundles = Math.ceil(size / TILE_WIDTH);
  const ahead = opts.readAhead ?? 8;
  const pending: Uint8Array[][] = [[]];
  for (let b = 0; b < bundles; b++) {
    for (let a = b; a < Math.min(bundles, b + ahead); a++) {
      const w = widthFor(0, a, size);
      for (const p of [bundlePath(a, w), tilePath({ level: 0, index: a, width: w })]) if (!inflight.has(p)) inflight.set(p, read(p));
    }
    const width = widthFor(0, b, size);
    const bpath = bundlePath(b, width);
    const entries = decodeOrThrow(await fetchOnce(bpath), width, bpath);
    // Partial bundles of earlier sizes must be prefixes of this one.
    for (const s of sizes) {
      const w = widthFor(0, b, s);
      if (w > 0 && w < width) {
        const p = bundlePath(b, w);
        const older = decodeOrThrow(await fetchOnce(p), w, p);
        older.forEach((e, i) => {
          if (!bytesEqual(e, entries[i]!)) throw new VerifyError(`${p}: entry ${b * TILE_WIDTH + i} differs from ${bpath}`, p);
        });
      }
    }
    for (const e of entries) pending[0]!.push(leafHash(e));
    for (let level = 0; pending[level]!.length === TILE_WIDTH; level++) {
      const index = hashesAtLevel((b + 1) * TILE_WIDTH, level + 1) - 1;
      await checkTile(level, index, pending[level]!);
      (pending[level + 1] ??= []).push(perfectRoot(pending[level]!, 0, TILE_WIDTH));
      pending[level] = [];
    }
    if (b % 256 === 255) say(`checked ${(b + 1) * TILE_WIDTH} of ${size} entries`);
  }
  for (let level = 0; level < pending.length; level++) {
    if (pending[level]!.length) await checkTile(level, Math.floor(hashesAtLevel(size, level) / TILE_WIDTH), pending[level]!);
  }

  // The root the entries give, by the same perfect-subtree decomposition the tiles use.
  const entriesRoot = await runPlan(rootPlan(size), (nodes) =>
    nodes.map((n) => {
      const t = Math.floor(n.level / 8);
      const count = Math.pow(2, n.level - 8 * t);
      const first = n.index * count - (hashesAtLevel(size, t) - (hashesAtLevel(size, t) % TILE_WIDTH));
      return perfectRoot(pending[t]!, first, count);
    }),
  );
  const fetchTile = (p: string): Promise<Uint8Array> => must(read, p);
  if (!bytesEqual(entriesRoot, cp.root)) {
    let tilesRoot: Uint8Array | null = null;
    try {
      tilesRoot = size ? await runPlan(rootPlan(size), tileHashReader(size, fetchTile)) : emptyRoot();
    } catch {
      tilesRoot = null;
    }
    if (tilesRoot && bytesEqual(tilesRoot, cp.root) && firstEntryMismatch) {
      const m = firstEntryMismatch;
      const idx = m.at;
      throw new VerifyError(
        `entry ${idx} does not match the signed tree: its hash differs from ${m.path} (bad entry in ${bundleFor(idx, size)})`,
        `entry ${idx}`,
      );
    }
    const where = firstTileMismatch ? ` first disagreement: ${firstTileMismatch.path} hash ${firstTileMismatch.position}` : '';
    throw new VerifyError(`the entries do not reproduce the signed root.${where}`, firstTileMismatch?.path ?? 'checkpoint');
  }
  if (firstTileMismatch) {
    const m = firstTileMismatch;
    throw new VerifyError(`${m.path} is corrupt: hash ${m.position} does not match the entries`, m.path);
  }
  say(`all ${size} entries, ${bundles} bundles and ${tiles} tiles match the signed root`);

  // Earlier checkpoints must be consistent with this one (proved from the tiles, as any
  // client would).
  const reader = tileHashReader(size, fetchTile);
  const consistentWith: number[] = [];
  for (const e of earlier) {
    const old = e.cp;
    try {
      if (old.size === 0) {
        if (!bytesEqual(old.root, emptyRoot())) throw new Error('an empty tree has a different root');
      } else {
        verifyConsistency(old.size, size, await runPlan(consistencyPlan(old.size, size), reader), old.root, cp.root);
      }
    } catch (err) {
      throw new VerifyError(`${e.label} (size ${old.size}) is NOT consistent with the current checkpoint: ${(err as Error).message}`, e.label);
    }
    consistentWith.push(old.size);
  }
  const sizesSeen = [...new Set(consistentWith)].sort((a, b) => a - b);
  if (sizesSeen.length) say(`consistent with ${sizesSeen.length} earlier checkpoint(s)`);
  return { checkpoint: cp, bundles, tiles, consistentWith: sizesSeen };
}

function bundleFor(idx: number, size: number): string {
  const b = Math.floor(idx / TILE_WIDTH);
  const full = Math.floor(size / TILE_WIDTH);
  return bundlePath(b, b < full ? TILE_WIDTH : size % TILE_WIDTH);
}

function decodeOrThrow(data: Uint8Array, width: number, path: string): Uint8Array[] {
  try {
    return decodeBundle(data, width);
  } catch (err) {
    throw new VerifyError(`${path}: ${(err as Error).message}`, path);
  }
}

async function openEarlier(note: string | Uint8Array, label: string, opts: VerifyOptions, current: Checkpoint): Promise<Checkpoint> {
  let old: Checkpoint;
  try {
    old = (await openCheckpoint(note, opts.key, current.origin)).checkpoint;
  } catch (err) {
    throw new VerifyError(`${label}: ${(err as Error).message}`, label);
  }
  if (old.size > current.size) {
    throw new VerifyError(`${label} has ${old.size} entries but the current checkpoint only ${current.size}: the log shrank`, label);
  }
  return old;
}

/** What `verify record` shows. */
export interface RecordProof {
  checkpoint: Checkpoint;
  /** The signed checkpoint note, verbatim (for a tlog-proof receipt). */
  note: string;
  index: number;
  entry: Uint8Array;
  leafHash: Uint8Array;
  proof: Uint8Array[];
  /** The decoded record, or null for entries that are not gongkai records. */
  record: RecordEntry | null;
}

// A page proving hundreds of entries reads each bundle once (a ReadLog that caches returns
// the same bytes object), so it is decoded once.
const decodedBundles = new WeakMap<Uint8Array, Uint8Array[]>();

/**
 * A tile HashReader that remembers every subtree hash it computed: proofs of neighbouring
 * entries share most of their nodes, and a subtree inside a tile costs up to 255 hashes.
 */
export function sharedHashReader(read: ReadLog, size: number): HashReader {
  const inner = tileHashReader(size, (p) => must(read, p));
  const memo = new Map<string, Promise<Uint8Array>>();
  return (nodes) =>
    Promise.all(
      nodes.map((n) => {
        const k = `${n.level}/${n.index}`;
        let p = memo.get(k);
        if (!p) memo.set(k, (p = Promise.resolve(inner([n])).then((r) => r[0]!)));
        return p;
      }),
    );
}

/** An entry and its verified inclusion proof. */
export interface ProvedEntry {
  entry: Uint8Array;
  leafHash: Uint8Array;
  proof: Uint8Array[];
}

/**
 * Prove that entry `index` is in the tree of an already verified checkpoint, from one
 * bundle and a few tiles (a page checking many records opens the checkpoint once).
 */
export async function proveEntry(read: ReadLog, cp: Checkpoint, index: number, reader?: HashReader): Promise<ProvedEntry> {
  if (!Number.isSafeInteger(index) || index < 0 || index >= cp.size) {
    throw new VerifyError(`index ${index} is not in the log (it has ${cp.size} entries)`, `entry ${index}`);
  }
  const bpath = bundleFor(index, cp.size);
  const width = Math.floor(index / TILE_WIDTH) < Math.floor(cp.size / TILE_WIDTH) ? TILE_WIDTH : cp.size % TILE_WIDTH;
  const data = await must(read, bpath);
  let entries = decodedBundles.get(data);
  if (!entries) decodedBundles.set(data, (entries = decodeOrThrow(data, width, bpath)));
  const entry = entries[index % TILE_WIDTH]!;
  const leaf = leafHash(entry);
  let proof: Uint8Array[];
  try {
    proof = await runPlan(inclusionPlan(index, cp.size), reader ?? tileHashReader(cp.size, (p) => must(read, p)));
    verifyInclusion(leaf, index, cp.size, proof, cp.root);
  } catch (err) {
    if (err instanceof VerifyError) throw err;
    throw new VerifyError(`entry ${index} (${bpath}) is not proved by the signed checkpoint: ${(err as Error).message}`, `entry ${index}`);
  }
  return { entry, leafHash: leaf, proof };
}

/** Prove and verify that entry `index` is in the log, fetching one bundle and a few tiles. */
export async function verifyRecord(read: ReadLog, index: number, key: Verifier, origin?: string): Promise<RecordProof> {
  const { cp, note } = await readCheckpoint(read, key, origin);
  const p = await proveEntry(read, cp, index);
  return { checkpoint: cp, note, index, ...p, record: decodeRecordEntry(p.entry) };
}
