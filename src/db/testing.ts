// Test helpers: a real SQLite file with the committed migrations applied, in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigrated, type Db } from './client.ts';

/** A fixed ID-hash key for tests (never used outside them). */
export const TEST_ID_KEY = new Uint8Array(32).fill(7);

export interface TempDb {
  db: Db;
  path: string;
  dir: string;
  cleanup(): void;
}

/** A fresh migrated database file; call cleanup() in afterEach/afterAll. */
export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const path = join(dir, 'test.db');
  const db = openMigrated(path);
  return {
    db,
    path,
    dir,
    cleanup() {
      if (db.$client.open) db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
