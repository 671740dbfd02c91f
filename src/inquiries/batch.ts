// Group commit for submissions: requests arriving within the same turn of the event loop
// are written in one SQLite transaction (each as its own savepoint, so one bad item fails
// alone), and every caller is answered only after that transaction has committed. An
// acknowledgement therefore still means "on disk in the WAL", at one commit per batch
// instead of one per request — the commit, not our code, is what costs (README: bench).
import type { Db } from '../db/client.ts';
import { submitInquiry, type Receipt } from './service.ts';
import type { Submission } from './validate.ts';

interface Pending {
  s: Submission;
  resolve(r: Receipt): void;
  reject(e: unknown): void;
}

/** At most this many submissions share one commit. */
const MAX_BATCH = 256;

const queues = new WeakMap<Db, Pending[]>();

function flush(db: Db): void {
  const queue = queues.get(db) ?? [];
  queues.delete(db);
  for (let i = 0; i < queue.length; i += MAX_BATCH) {
    const batch = queue.slice(i, i + MAX_BATCH);
    const results: ({ ok: true; r: Receipt } | { ok: false; e: unknown })[] = [];
    try {
      db.$client
        .transaction(() => {
          const now = new Date();
          for (const p of batch) {
            try {
              results.push({ ok: true, r: submitInquiry(db, p.s, now) }); // nested: a savepoint
            } catch (e) {
              results.push({ ok: false, e });
            }
          }
        })
        .immediate();
    } catch (e) {
      for (const p of batch) p.reject(e); // nothing committed: nobody is acknowledged
      continue;
    }
    batch.forEach((p, k) => {
      const res = results[k]!;
      if (res.ok) p.resolve(res.r);
      else p.reject(res.e);
    });
  }
}

/** File a submission; resolves with the receipt once its transaction has committed. */
export function submitBatched(db: Db, s: Submission): Promise<Receipt> {
  return new Promise((resolve, reject) => {
    let q = queues.get(db);
    if (!q) {
      queues.set(db, (q = []));
      setImmediate(() => flush(db));
    }
    q.push({ s, resolve, reject });
  });
}
