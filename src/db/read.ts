// The build's read-only view of the database: one connection per process, opened on first
// use, shared by every page Astro renders; and a per-database memo so an aggregate that
// feeds many pages (funds × villages, staffing totals …) is computed once per build.
import { dbPath, openDb, type Db } from './client.ts';

let shared: Db | null = null;

/** The process-wide read-only connection to $GONGKAI_DB (opened on first call). */
export function readDb(): Db {
  if (!shared) {
    shared = openDb(dbPath(), { readonly: true });
    // The build reads the whole county a few times; a larger cache and mmap keep it in memory.
    shared.$client.pragma('cache_size = -262144');
    shared.$client.pragma('mmap_size = 1073741824');
  }
  return shared;
}

/** Wrap a query so its result is computed once per database handle and reused after. */
export function perDb<T>(fn: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    if (cache.has(db)) return cache.get(db) as T;
    const value = fn(db);
    cache.set(db, value);
    return value;
  };
}

/** SQL condition: the row's import batch is published (the public site shows nothing else). */
export const PUBLISHED = (alias: string) => `${alias}.batch_id IN (SELECT id FROM import_batches WHERE status = 'published')`;
