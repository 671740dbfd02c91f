// Opening the SQLite database: one place for the path, the pragmas and migrations.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROOT } from '../lib/root.ts';
import * as schema from './schema.ts';

export { ROOT };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Path of the database: $GONGKAI_DB, else data/gongkai.db in the repository. */
export function dbPath(): string {
  return resolve(ROOT, process.env.GONGKAI_DB ?? 'data/gongkai.db');
}

export interface OpenOptions {
  readonly?: boolean;
}

/** Open (creating if needed) the database with the pragmas every caller needs. */
export function openDb(path: string = dbPath(), opts: OpenOptions = {}): Db {
  if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  // WAL: readers (the build, the server) never block the writer, and an acknowledged
  // commit survives a crash. NORMAL sync is durable in WAL mode against process crashes.
  if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Apply the committed migrations in db/migrations (idempotent). */
export function migrate(db: Db): void {
  drizzleMigrate(db, { migrationsFolder: resolve(ROOT, 'db/migrations') });
}

/** Open and migrate in one step: what commands and tests start with. */
export function openMigrated(path: string = dbPath()): Db {
  const db = openDb(path);
  migrate(db);
  return db;
}
