// Worker thread for auditLedger: audits one range through its own read-only connection.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { auditRange } from './audit.ts';
import { useNodeSha256 } from './sha256.node.ts';

useNodeSha256();
const { path, lo, hi } = workerData as { path: string; lo: number; hi: number };
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const result = auditRange(db, lo, hi);
  parentPort!.postMessage(result, [result.level1.buffer as ArrayBuffer]);
} finally {
  db.close();
}
