// RFC 6962 / RFC 9162 Merkle trees: roots, inclusion and consistency proofs, built from
// any store of perfect-subtree hashes (database rows, tlog tiles) and verified exactly as
// RFC 9162 §2.1.3.2 and §2.1.4.2 (ported from transparency-dev/merkle's proof package).
//
// Isomorphic. Indexes and sizes are JavaScript numbers restricted to safe integers and
// handled with division, never with the 32-bit `>>`, `&` or BigInt (which old browsers
// cannot parse).
import { bytesEqual } from './bytes.ts';
import { HASH_SIZE, emptyRoot, isHash, nodeHash } from './hash.ts';

/** A proof or tree argument that does not verify; the message says why. */
export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

/** The perfect subtree covering leaves [index·2^level, (index+1)·2^level). */
export interface NodeId {
  level: number;
  index: number;
}

/** Reads the hashes of perfect subtrees, in the order asked. */
export type HashReader = (nodes: readonly NodeId[]) => Promise<Uint8Array[]> | Uint8Array[];
/** The synchronous kind of HashReader (database-backed readers). */
export type SyncHashReader = (nodes: readonly NodeId[]) => Uint8Array[];

/** What a proof needs: the subtree hashes to read, and how to assemble them. */
export interface Plan<T> {
  nodes: NodeId[];
  build(hashes: readonly Uint8Array[]): T;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new ProofError(`${what} must be a non-negative safe integer, got ${n}`);
}

const pow2 = (k: number): number => Math.pow(2, k);
/** floor(x / 2^s): an exact shift for any safe integer. */
const shr = (x: number, s: number): number => Math.floor(x / pow2(s));
const bitAt = (x: number, i: number): number => shr(x, i) % 2;

/** Number of low bits in which a and b differ up to the highest one: bits.Len64(a ^ b). */
function diffLen(a: number, b: number): number {
  let k = 0;
  while (a !== b) {
    a = Math.floor(a / 2);
    b = Math.floor(b / 2);
    k++;
  }
  return k;
}
function onesCount(x: number): number {
  let c = 0;
  for (; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}
function trailingZeros(x: number): number {
  let n = 0;
  for (; x > 0 && x % 2 === 0; x /= 2) n++;
  return n;
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up leaves [lo, hi), largest first. For the ranges a
 * proof uses (lo aligned to a power of two ≥ hi − lo) and for [0, size), folding their
 * hashes from the right gives MTH(D[lo:hi]).
 */
export function subtreesOf(lo: number, hi: number): NodeId[] {
  const out: NodeId[] = [];
  while (lo < hi) {
    let level = 0;
    while (lo % pow2(level + 1) === 0 && lo + pow2(level + 1) <= hi) level++;
    out.push({ level, index: lo / pow2(level) });
    lo += pow2(level);
  }
  return out;
}

/** Fold subtree hashes from the right: H(s0, H(s1, … sn)). */
export function foldRight(hashes: readonly Uint8Array[]): Uint8Array {
  let h = hashes[hashes.length - 1];
  if (!h) throw new ProofError('nothing to fold');
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return h;
}

// Plans group the subtrees of several ranges so one reader call fetches everything.
function rangesPlan(ranges: Array<[number, number]>): Plan<Uint8Array[]> {
  const groups = ranges.map(([lo, hi]) => subtreesOf(lo, hi));
  return {
    nodes: ([] as NodeId[]).concat(...groups), // not .flat(): old kiosk browsers lack it
    build(hashes) {
      const out: Uint8Array[] = [];
      let i = 0;
      for (const g of groups) {
        out.push(foldRight(hashes.slice(i, i + g.length)));
        i += g.length;
      }
      return out;
    },
  };
}

/** The leaf ranges whose MTHs form PATH(index, D[0:size]) (RFC 6962 §2.1.1), leaf first. */
export function inclusionRanges(index: number, size: number): Array<[number, number]> {
  checkCount(index, 'index');
  checkCount(size, 'tree size');
  if (index >= size) throw new ProofError(`index ${index} is not below tree size ${size}`);
  const out: Array<[number, number]> = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
    }
  }
  return out.reverse();
}

/** The leaf ranges whose MTHs form PROOF(size1, D[0:size2]) (RFC 6962 §2.1.2). */
export function consistencyRanges(size1: number, size2: number): Array<[number, number]> {
  checkCount(size1, 'old size');
  checkCount(size2, 'new size');
  if (size1 > size2) throw new ProofError(`old size ${size1} is larger than new size ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const out: Array<[number, number]> = [];
  let lo = 0;
  let hi = size2;
  let m = size1;
  let whole = true; // SUBPROOF's b: the old tree is a complete subtree so far
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) out.push([lo, hi]);
  return out.reverse();
}

/** Plan for an inclusion proof of leaf `index` in the tree of `size` leaves. */
export function inclusionPlan(index: number, size: number): Plan<Uint8Array[]> {
  return rangesPlan(inclusionRanges(index, size));
}

/** Plan for a consistency proof from `size1` to `size2`. */
export function consistencyPlan(size1: number, size2: number): Plan<Uint8Array[]> {
  return rangesPlan(consistencyRanges(size1, size2));
}

/** Plan for the root hash MTH(D[0:size]). */
export function rootPlan(size: number): Plan<Uint8Array> {
  checkCount(size, 'tree size');
  if (size === 0) return { nodes: [], build: () => emptyRoot() };
  const p = rangesPlan([[0, size]]);
  return { nodes: p.nodes, build: (h) => p.build(h)[0]! };
}

/** Run a plan against a reader (sync or async). */
export async function runPlan<T>(plan: Plan<T>, read: HashReader): Promise<T> {
  const hashes = plan.nodes.length ? await read(plan.nodes) : [];
  return plan.build(checkRead(plan.nodes, hashes));
}

/** Run a plan against a synchronous reader. */
export function runPlanSync<T>(plan: Plan<T>, read: SyncHashReader): T {
  const hashes = plan.nodes.length ? read(plan.nodes) : [];
  return plan.build(checkRead(plan.nodes, hashes));
}

function checkRead(nodes: readonly NodeId[], hashes: readonly Uint8Array[]): readonly Uint8Array[] {
  if (hashes.length !== nodes.length) throw new ProofError(`reader returned ${hashes.length} hashes for ${nodes.length} nodes`);
  for (const h of hashes) if (!isHash(h)) throw new ProofError('reader returned a hash that is not 32 bytes');
  return hashes;
}

/** MTH of a list of leaf-level hashes (leaf hashes, or tile hashes one level up). */
export function merkleRoot(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  const subs = subtreesOf(0, hashes.length);
  return foldRight(subs.map((s) => perfectRoot(hashes, s.index * pow2(s.level), pow2(s.level))));
}

/** Root of the perfect subtree over hashes[start, start+count), count a power of two. */
export function perfectRoot(hashes: readonly Uint8Array[], start: number, count: number): Uint8Array {
  const row = hashes.slice(start, start + count);
  for (let n = count; n > 1; n /= 2) {
    for (let i = 0; i < n / 2; i++) row[i] = nodeHash(row[2 * i]!, row[2 * i + 1]!);
  }
  return row[0]!;
}

const lenOf = (h: unknown): number => (h instanceof Uint8Array ? h.length : 0);

function checkHashes(proof: readonly Uint8Array[], what: string): void {
  proof.forEach((h, i) => {
    if (!isHash(h)) throw new ProofError(`${what}[${i}] is ${lenOf(h)} bytes, not ${HASH_SIZE}`);
  });
}
function mustMatch(got: Uint8Array, want: Uint8Array, what: string): void {
  if (!bytesEqual(got, want)) throw new ProofError(`${what} does not match`);
}

function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: number): Uint8Array {
  proof.forEach((h, i) => {
    seed = bitAt(index, i) === 0 ? nodeHash(seed, h) : nodeHash(h, seed);
  });
  return seed;
}
function chainInnerRight(seed: Uint8Array, proof: readonly Uint8Array[], index: number): Uint8Array {
  proof.forEach((h, i) => {
    if (bitAt(index, i) === 1) seed = nodeHash(h, seed);
  });
  return seed;
}
function chainBorderRight(seed: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  for (const h of proof) seed = nodeHash(h, seed);
  return seed;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2); throws ProofError. */
export function rootFromInclusionProof(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Uint8Array {
  checkCount(index, 'index');
  checkCount(size, 'tree size');
  if (index >= size) throw new ProofError(`index ${index} is not below tree size ${size}`);
  if (!isHash(leaf)) throw new ProofError(`leaf hash is ${lenOf(leaf)} bytes, not ${HASH_SIZE}`);
  checkHashes(proof, 'proof');
  const inner = diffLen(index, size - 1);
  const border = onesCount(shr(index, inner));
  if (proof.length !== inner + border) {
    throw new ProofError(`inclusion proof has ${proof.length} hashes, want ${inner + border}`);
  }
  return chainBorderRight(chainInner(leaf, proof.slice(0, inner), index), proof.slice(inner));
}

/** Verify that `leaf` is at `index` in the tree of `size` leaves with root `root`. */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (!isHash(root)) throw new ProofError(`root is ${lenOf(root)} bytes, not ${HASH_SIZE}`);
  mustMatch(rootFromInclusionProof(leaf, index, size, proof), root, 'root computed from the inclusion proof');
}

/**
 * Verify that the tree of size2 with root2 extends the tree of size1 with root1
 * (RFC 9162 §2.1.4.2). size1 = 0 is refused: there is nothing to prove, and callers that
 * accept an empty old tree (as c2sp tlog-witness does) say so explicitly.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  checkCount(size1, 'old size');
  checkCount(size2, 'new size');
  // Hashes are checked first: a verifier must never compare or chain malformed hashes.
  if (!isHash(root1)) throw new ProofError(`old root is ${lenOf(root1)} bytes, not ${HASH_SIZE}`);
  if (!isHash(root2)) throw new ProofError(`new root is ${lenOf(root2)} bytes, not ${HASH_SIZE}`);
  checkHashes(proof, 'proof');
  if (size2 < size1) throw new ProofError(`new size ${size2} is smaller than old size ${size1}`);
  if (size1 === 0) throw new ProofError('old size is 0: an empty tree needs no consistency proof');
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError('sizes are equal but the proof is not empty');
    mustMatch(root1, root2, 'roots of equal-size trees');
    return;
  }
  // 0 < size1 < size2: the proof is the tail of an inclusion proof for leaf size1−1,
  // starting at the level of size1's largest complete subtree.
  let inner = diffLen(size1 - 1, size2 - 1);
  const border = onesCount(shr(size1 - 1, inner));
  const shift = trailingZeros(size1);
  inner -= shift;
  let seed: Uint8Array;
  let start: number;
  if (size1 === pow2(shift)) {
    seed = root1;
    start = 0;
  } else {
    if (proof.length === 0) throw new ProofError('consistency proof is empty');
    seed = proof[0]!;
    start = 1;
  }
  if (proof.length !== start + inner + border) {
    throw new ProofError(`consistency proof has ${proof.length} hashes, want ${start + inner + border}`);
  }
  const rest = proof.slice(start);
  const mask = shr(size1 - 1, shift);
  const hash1 = chainBorderRight(chainInnerRight(seed, rest.slice(0, inner), mask), rest.slice(inner));
  mustMatch(hash1, root1, 'old root computed from the consistency proof');
  const hash2 = chainBorderRight(chainInner(seed, rest.slice(0, inner), mask), rest.slice(inner));
  mustMatch(hash2, root2, 'new root computed from the consistency proof');
}
