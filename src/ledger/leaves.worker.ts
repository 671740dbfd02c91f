// Worker thread for buildAllLeaves: builds and audits one range through its own read-only
// connection, handing each chunk of files to the main thread as it is done.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { buildLeaves } from './leaves.ts';
import { useNodeSha256 } from './sha256.node.ts';

useNodeSha256();
const { path, lo, hi, credits } = workerData as { path: string; lo: number; hi: number; credits: Int32Array };
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const done = buildLeaves(db, lo, hi, (chunk) => {
    // Wait for a credit: the main thread returns one per chunk it has written.
    while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, Atomics.load(credits, 0));
    Atomics.sub(credits, 0, 1);
    parentPort!.postMessage({ chunk }, [chunk.data.buffer as ArrayBuffer]);
  });
  parentPort!.postMessage({ done }, [done.level1.buffer as ArrayBuffer]);
} finally {
  db.close();
}
