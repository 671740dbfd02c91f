// C2SP tlog-tiles (https://c2sp.org/tlog-tiles): tile paths, which tiles a tree size has,
// entry bundles, and a HashReader that answers proof plans from fetched tiles (the role of
// Go's tlog.TileHashReader), so a browser proves inclusion with a handful of small GETs.
//
// Isomorphic; no node: imports. Tile height is fixed at 8 (256 hashes), as the spec says.
import { HASH_SIZE } from './hash.ts';
import { ProofError, perfectRoot, type HashReader, type NodeId } from './merkle.ts';

export const TILE_HEIGHT = 8;
/** Hashes in a full tile, and entries in a full bundle. */
export const TILE_WIDTH = 256;
/** Entries are length-prefixed with a big-endian uint16 in bundles. */
export const MAX_ENTRY_SIZE = 0xffff;

/** A hash tile: `level` 0 holds leaf hashes; `width` 256 is full, 1–255 partial. */
export interface Tile {
  level: number;
  index: number;
  width: number;
}

const pow = (b: number, e: number): number => Math.pow(b, e);

/** `<N>` of a tile path: zero-padded 3-digit elements, all but the last prefixed with x. */
export function encodeTileIndex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad tile index ${n}`);
  const parts: string[] = [];
  do {
    parts.unshift(('00' + (n % 1000)).slice(-3));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return parts.map((p, i) => (i < parts.length - 1 ? `x${p}` : p)).join('/');
}

function suffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`bad tile width ${width}`);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]` */
export function tilePath(t: Tile): string {
  if (!Number.isInteger(t.level) || t.level < 0 || t.level > 63) throw new RangeError(`bad tile level ${t.level}`);
  return `tile/${t.level}/${encodeTileIndex(t.index)}${suffix(t.width)}`;
}

/** `tile/entries/<N>[.p/<W>]` */
export function bundlePath(index: number, width: number): string {
  return `tile/entries/${encodeTileIndex(index)}${suffix(width)}`;
}

/** Parse `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]` (entries get level -1); null if malformed. */
export function parseTilePath(path: string): Tile | null {
  const m = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!m) return null;
  const level = m[1] === 'entries' ? -1 : Number(m[1]);
  const parts = m[2]!.replace(/x/g, '').split('/');
  if (parts.length > 1 && parts[0] === '000') return null; // no leading zero elements
  const index = Number(parts.join(''));
  const width = m[3] ? Number(m[3]) : TILE_WIDTH;
  if (level > 63 || (m[3] && width >= TILE_WIDTH)) return null;
  return { level, index, width };
}

/** floor(size / 256^level): how many level-`level` tile hashes a tree of `size` has. */
export function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / pow(TILE_WIDTH, level));
}

/** Width of the tile `index` at `level` in a tree of `size` (0 when it does not exist). */
export function tileWidth(size: number, level: number, index: number): number {
  const n = hashesAtLevel(size, level);
  const full = Math.floor(n / TILE_WIDTH);
  if (index < full) return TILE_WIDTH;
  if (index === full) return n % TILE_WIDTH;
  return 0;
}

/** The partial tiles a tree of `size` has (one per level at most); empty tiles are not served. */
export function partialTiles(size: number): Tile[] {
  const out: Tile[] = [];
  for (let level = 0; hashesAtLevel(size, level) > 0; level++) {
    const n = hashesAtLevel(size, level);
    if (n % TILE_WIDTH) out.push({ level, index: Math.floor(n / TILE_WIDTH), width: n % TILE_WIDTH });
  }
  return out;
}

/** Every tile (full and partial, all levels) of a tree of `size`, level by level. */
export function allTiles(size: number): Tile[] {
  const out: Tile[] = [];
  for (let level = 0; hashesAtLevel(size, level) > 0; level++) {
    const n = hashesAtLevel(size, level);
    for (let i = 0; i < Math.floor(n / TILE_WIDTH); i++) out.push({ level, index: i, width: TILE_WIDTH });
    if (n % TILE_WIDTH) out.push({ level, index: Math.floor(n / TILE_WIDTH), width: n % TILE_WIDTH });
  }
  return out;
}

/** Concatenate big-endian uint16 length-prefixed entries into a bundle. */
export function encodeBundle(entries: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) throw new RangeError(`entry of ${e.length} bytes exceeds ${MAX_ENTRY_SIZE}`);
    len += 2 + e.length;
  }
  const out = new Uint8Array(len);
  let o = 0;
  for (const e of entries) {
    out[o] = e.length >>> 8; // entry lengths fit 16 bits, so the 32-bit shift is safe here
    out[o + 1] = e.length & 255;
    out.set(e, o + 2);
    o += 2 + e.length;
  }
  return out;
}

/** Split a bundle into exactly `count` entries; throws on truncation or trailing bytes. */
export function decodeBundle(data: Uint8Array, count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let o = 0;
  while (out.length < count) {
    if (o + 2 > data.length) throw new RangeError(`bundle ends after ${out.length} of ${count} entries`);
    const len = (data[o]! << 8) | data[o + 1]!;
    if (o + 2 + len > data.length) throw new RangeError(`entry ${out.length} of the bundle is truncated`);
    out.push(data.subarray(o + 2, o + 2 + len));
    o += 2 + len;
  }
  if (o !== data.length) throw new RangeError(`bundle has ${data.length - o} bytes after its ${count} entries`);
  return out;
}

/** Split tile bytes into its hashes; throws unless it is exactly `width` hashes. */
export function splitTile(data: Uint8Array, width: number): Uint8Array[] {
  if (data.length !== width * HASH_SIZE) throw new RangeError(`tile is ${data.length} bytes, want ${width * HASH_SIZE}`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < width; i++) out.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

/** Where a perfect subtree's hash comes from: `count` hashes of `tile` from `start`. */
export interface TileSlot {
  tile: Tile;
  start: number;
  count: number;
}

/**
 * Locate the perfect subtree `node` within the tiles of a tree of `size`: the hash at tree
 * level 8t+h is the root of 2^h consecutive hashes of a level-t tile.
 */
export function tileSlot(node: NodeId, size: number): TileSlot {
  const level = Math.floor(node.level / TILE_HEIGHT);
  const h = node.level - level * TILE_HEIGHT;
  const first = node.index * pow(2, h); // index among this tile level's hashes
  const count = pow(2, h);
  if ((node.index + 1) * pow(2, node.level) > size) {
    throw new ProofError(`subtree ${node.level}/${node.index} is not complete in a tree of ${size}`);
  }
  const index = Math.floor(first / TILE_WIDTH);
  return { tile: { level, index, width: tileWidth(size, level, index) }, start: first - index * TILE_WIDTH, count };
}

/** Fetches the bytes at a path relative to the log prefix (e.g. `tile/0/000`). */
export type FetchTile = (path: string) => Promise<Uint8Array>;

/**
 * A HashReader over the tiles of a tree of `size`. Tiles are fetched once each, in
 * parallel, and length-checked. The hashes are NOT trusted: callers verify what they build
 * from them against a signed root (verifyInclusion / verifyConsistency).
 */
export function tileHashReader(size: number, fetchTile: FetchTile): HashReader {
  const cache = new Map<string, Promise<Uint8Array[]>>();
  const load = (t: Tile): Promise<Uint8Array[]> => {
    const path = tilePath(t);
    let p = cache.get(path);
    if (!p) {
      p = fetchTile(path).then((data) => {
        try {
          return splitTile(data, t.width);
        } catch (err) {
          throw new ProofError(`${path}: ${(err as Error).message}`);
        }
      });
      cache.set(path, p);
    }
    return p;
  };
  return async (nodes) => {
    const slots = nodes.map((n) => tileSlot(n, size));
    const tiles = await Promise.all(slots.map((s) => load(s.tile)));
    return slots.map((s, i) => perfectRoot(tiles[i]!, s.start, s.count));
  };
}
