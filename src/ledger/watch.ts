// watchCheckpoint(): what a kiosk (or any page) calls to keep the last checkpoint it saw and
// check that the next one extends it — the "gossip" a single client can do on its own. The
// last good checkpoint note is kept in localStorage (or any Storage-like store); an
// inconsistent or shrunken log is reported and the remembered checkpoint is NOT replaced,
// so the warning stands until the log is consistent again. Isomorphic.
import { bytesEqual } from './bytes.ts';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { emptyRoot } from './hash.ts';
import { consistencyPlan, runPlan, verifyConsistency } from './merkle.ts';
import type { Verifier } from './note.ts';
import { tileHashReader } from './tiles.ts';
import { readCheckpoint, type ReadLog } from './verify.ts';

/** The part of the Web Storage API used (localStorage fits). */
export interface CheckpointStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type WatchResult =
  /** nothing remembered before: this checkpoint is now remembered */
  | { status: 'first'; checkpoint: Checkpoint }
  /** the same tree as last time */
  | { status: 'same'; checkpoint: Checkpoint; previous: Checkpoint }
  /** a larger tree, proved to extend the previous one; now remembered */
  | { status: 'grown'; checkpoint: Checkpoint; previous: Checkpoint }
  /** NOT consistent with the previous checkpoint (which stays remembered) */
  | { status: 'inconsistent'; checkpoint: Checkpoint; previous: Checkpoint; reason: string };

export interface WatchOptions {
  /** reads a file under the log prefix, e.g. fetchLog('/ledger/') */
  read: ReadLog;
  /** the trusted verifier key */
  key: Verifier;
  /** default: globalThis.localStorage */
  store?: CheckpointStore;
  /** default: 'gongkai.ledger.checkpoint:' + origin */
  storageKey?: string;
  origin?: string;
}

/**
 * Fetch and verify the current checkpoint, and check it is consistent with the one this
 * client remembered (throws VerifyError when the current checkpoint itself is bad).
 */
export async function watchCheckpoint(opts: WatchOptions): Promise<WatchResult> {
  const { cp, note } = await readCheckpoint(opts.read, opts.key, opts.origin);
  const store = opts.store ?? (globalThis as { localStorage?: CheckpointStore }).localStorage;
  if (!store) throw new Error('watchCheckpoint needs a store (no localStorage here)');
  const storageKey = opts.storageKey ?? `gongkai.ledger.checkpoint:${cp.origin}`;
  const saved = store.getItem(storageKey);
  let previous: Checkpoint | null = null;
  if (saved) {
    try {
      previous = (await openCheckpoint(saved, opts.key, cp.origin)).checkpoint;
    } catch {
      previous = null; // unreadable or another key's: start over rather than warn forever
    }
  }
  if (!previous) {
    store.setItem(storageKey, note);
    return { status: 'first', checkpoint: cp };
  }
  const bad = (reason: string): WatchResult => ({ status: 'inconsistent', checkpoint: cp, previous: previous!, reason });
  if (cp.size < previous.size) return bad(`the log shrank from ${previous.size} to ${cp.size} entries`);
  if (cp.size === previous.size) {
    return bytesEqual(cp.root, previous.root) ? { status: 'same', checkpoint: cp, previous } : bad(`two different trees of ${cp.size} entries were signed`);
  }
  try {
    if (previous.size === 0) {
      if (!bytesEqual(previous.root, emptyRoot())) throw new Error('the empty tree had a wrong root');
    } else {
      const fetchTile = async (p: string): Promise<Uint8Array> => {
        const data = await opts.read(p);
        if (!data) throw new Error(`${p} is missing`);
        return data;
      };
      const proof = await runPlan(consistencyPlan(previous.size, cp.size), tileHashReader(cp.size, fetchTile));
      verifyConsistency(previous.size, cp.size, proof, previous.root, cp.root);
    }
  } catch (err) {
    return bad((err as Error).message);
  }
  store.setItem(storageKey, note);
  return { status: 'grown', checkpoint: cp, previous };
}
