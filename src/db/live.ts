// The live routes' connection (inquiries, back office): one read-write handle per server
// process, migrated on first use. SQLite serialises writers; WAL lets the build and the
// static pages' readers go on while a citizen's submission commits.
import { dbPath, openMigrated, type Db } from './client.ts';

let live: Db | null = null;

/** The process-wide read-write connection to $GONGKAI_DB (opened and migrated on first call). */
export function liveDb(): Db {
  live ??= openMigrated(dbPath());
  return live;
}

/** Close it (tests, and the server on shutdown). */
export function closeLiveDb(): void {
  live?.$client.close();
  live = null;
}
