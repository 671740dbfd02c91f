// Test-only: the RFC 6962 §2.1 definitions written out recursively, as plainly as the RFC
// states them, to check the planned/tiled implementation against. Ranges' MTHs are memoized
// so property tests can ask for many proofs over one large leaf list.
import { emptyRoot, nodeHash } from './hash.ts';
import { splitPoint } from './merkle.ts';

/** MTH(D[lo:hi]) over precomputed leaf hashes, per RFC 6962 §2.1. */
export class ReferenceTree {
  private memo = new Map<string, Uint8Array>();
  readonly leaves: readonly Uint8Array[];
  constructor(leaves: readonly Uint8Array[]) {
    this.leaves = leaves;
  }

  mth(lo: number, hi: number): Uint8Array {
    if (hi === lo) return emptyRoot();
    if (hi - lo === 1) return this.leaves[lo]!;
    const key = `${lo}:${hi}`;
    let h = this.memo.get(key);
    if (!h) {
      const k = splitPoint(hi - lo);
      h = nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
      this.memo.set(key, h);
    }
    return h;
  }

  /** PATH(m, D[lo:hi]) */
  path(m: number, lo: number, hi: number): Uint8Array[] {
    if (hi - lo <= 1) return [];
    const k = splitPoint(hi - lo);
    if (m < k) return [...this.path(m, lo, lo + k), this.mth(lo + k, hi)];
    return [...this.path(m - k, lo + k, hi), this.mth(lo, lo + k)];
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) */
  proof(m: number, n: number): Uint8Array[] {
    return this.subproof(m, 0, n, true);
  }

  private subproof(m: number, lo: number, hi: number, b: boolean): Uint8Array[] {
    const n = hi - lo;
    if (m === n) return b ? [] : [this.mth(lo, hi)];
    const k = splitPoint(n);
    if (m <= k) return [...this.subproof(m, lo, lo + k, b), this.mth(lo + k, hi)];
    return [...this.subproof(m - k, lo + k, hi, false), this.mth(lo, lo + k)];
  }
}
