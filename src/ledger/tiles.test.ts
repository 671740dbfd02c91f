import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.ts';
import { leafHash } from './hash.ts';
import { consistencyPlan, inclusionPlan, rootPlan, runPlan, verifyConsistency, verifyInclusion } from './merkle.ts';
import { ReferenceTree } from './reference.ts';
import { useNodeSha256 } from './sha256.node.ts';
import {
  allTiles,
  decodeBundle,
  encodeBundle,
  encodeTileIndex,
  hashesAtLevel,
  parseTilePath,
  partialTiles,
  tileHashReader,
  tilePath,
  bundlePath,
} from './tiles.ts';

useNodeSha256();

describe('tile paths (c2sp tlog-tiles)', () => {
  it('encodes indexes as 3-digit elements with x prefixes, as the spec example', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(999)).toBe('999');
    expect(encodeTileIndex(1000)).toBe('x001/000');
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 2, index: 3, width: 17 })).toBe('tile/2/003.p/17');
    expect(bundlePath(5, 112)).toBe('tile/entries/005.p/112');
  });

  it('parses what it writes and refuses malformed paths', () => {
    expect(parseTilePath('tile/1/x001/x234/067.p/5')).toEqual({ level: 1, index: 1234067, width: 5 });
    expect(parseTilePath('tile/entries/000')).toEqual({ level: -1, index: 0, width: 256 });
    for (const bad of ['tile/01/000', 'tile/0/00', 'tile/0/x000/001', 'tile/0/000.p/256', 'tile/0/000.p/0', 'tile/64/000']) {
      expect(parseTilePath(bad), bad).toBeNull();
    }
  });

  it('lists the tiles of a tree of 70,000 exactly as the spec describes', () => {
    // 273 full level-0 tiles, one partial of 112; one full level-1 tile and a partial of 17;
    // a partial level-2 tile of width 1.
    const tiles = allTiles(70000);
    expect(tiles.filter((t) => t.level === 0 && t.width === 256)).toHaveLength(273);
    expect(partialTiles(70000)).toEqual([
      { level: 0, index: 273, width: 112 },
      { level: 1, index: 1, width: 17 },
      { level: 2, index: 0, width: 1 },
    ]);
    expect(tiles.filter((t) => t.level === 1)).toEqual([{ level: 1, index: 0, width: 256 }, { level: 1, index: 1, width: 17 }]);
    // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
    expect(allTiles(256)).toEqual([{ level: 0, index: 0, width: 256 }, { level: 1, index: 0, width: 1 }]);
    expect(allTiles(0)).toEqual([]);
  });
});

describe('entry bundles', () => {
  it('round-trips big-endian uint16 length-prefixed entries, including empty ones', () => {
    const entries = [utf8('a'), new Uint8Array(0), new Uint8Array(300).fill(7)];
    const bundle = encodeBundle(entries);
    expect([...bundle.subarray(0, 3)]).toEqual([0, 1, 97]);
    expect([...bundle.subarray(5, 7)]).toEqual([1, 44]); // 300 = 0x012c
    expect(decodeBundle(bundle, 3)).toEqual(entries);
  });

  it('refuses truncated bundles, trailing bytes and entries over 65,535 bytes', () => {
    const bundle = encodeBundle([utf8('abc'), utf8('de')]);
    expect(() => decodeBundle(bundle.subarray(0, bundle.length - 1), 2)).toThrow(/truncated/);
    expect(() => decodeBundle(bundle, 3)).toThrow(/ends after 2 of 3/);
    expect(() => decodeBundle(bundle, 1)).toThrow(/bytes after/);
    expect(() => encodeBundle([new Uint8Array(65536)])).toThrow(/exceeds/);
  });
});

// A tile server over one fixed list of leaves: serves the tiles a tree of `size` has
// (prefixes of the same hash rows) and 404s anything else, like a real static log.
const N = 70_000;
const LEAVES = Array.from({ length: N }, (_, i) => leafHash(utf8(`entry ${i}`)));
const ref = new ReferenceTree(LEAVES);
const rows: Uint8Array[][] = [LEAVES];
for (let level = 1; hashesAtLevel(N, level) > 0; level++) {
  const span = 256 ** level;
  rows.push(Array.from({ length: hashesAtLevel(N, level) }, (_, i) => ref.mth(i * span, (i + 1) * span)));
}
function server(size: number): { fetch: (path: string) => Promise<Uint8Array>; fetched: string[] } {
  const fetched: string[] = [];
  const fetch = async (path: string): Promise<Uint8Array> => {
    fetched.push(path);
    const t = parseTilePath(path);
    const exists = t && t.level >= 0 && allTiles(size).some((x) => x.level === t.level && x.index === t.index && x.width === t.width);
    if (!t || !exists) throw new Error(`404 ${path}`);
    const out = new Uint8Array(t.width * 32);
    for (let i = 0; i < t.width; i++) out.set(rows[t.level]![t.index * 256 + i]!, i * 32);
    return out;
  };
  return { fetch, fetched };
}

// Sizes around every boundary that matters: tile edges at both levels and partial tiles.
const sizes = fc.oneof(
  fc.integer({ min: 1, max: 600 }),
  fc.constantFrom(255, 256, 257, 511, 512, 513, 65535, 65536, 65537, 65792, 69999, 70000),
  fc.integer({ min: 65000, max: N }),
);

describe('proofs from tiles equal the recursive RFC 6962 definitions', () => {
  it('roots', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async (size) => {
        expect(await runPlan(rootPlan(size), tileHashReader(size, server(size).fetch))).toEqual(ref.mth(0, size));
      }),
      { numRuns: 150 },
    );
  });

  it('inclusion proofs, fetching only tiles that exist at that size', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), async (size, r) => {
        const index = r % size;
        const s = server(size);
        const proof = await runPlan(inclusionPlan(index, size), tileHashReader(size, s.fetch));
        expect(proof).toEqual(ref.path(index, 0, size));
        verifyInclusion(LEAVES[index]!, index, size, proof, ref.mth(0, size));
        // A browser needs a few tiles, not the log: at most one per level and side.
        expect(new Set(s.fetched).size).toBeLessThanOrEqual(6);
      }),
      { numRuns: 200 },
    );
  });

  it('consistency proofs', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, sizes, async (a, b) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        const proof = await runPlan(consistencyPlan(m, n), tileHashReader(n, server(n).fetch));
        expect(proof).toEqual(ref.proof(m, n));
        verifyConsistency(m, n, proof, ref.mth(0, m), ref.mth(0, n));
      }),
      { numRuns: 200 },
    );
  });

  it('a tile of the wrong length is refused, naming it', async () => {
    const bad = async (): Promise<Uint8Array> => new Uint8Array(8191);
    await expect(runPlan(inclusionPlan(5, 600), tileHashReader(600, bad))).rejects.toThrow(/tile\/0\/000: tile is 8191 bytes/);
  });
});
