// The transparency ledger's tables. All three are append-only: triggers (the hand-written
// migration db/migrations/0002_ledger_triggers.sql) refuse UPDATE and DELETE and keep indexes
// gapless, so a correction can only ever be a new entry that names the one it supersedes.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, blob, primaryKey, check } from 'drizzle-orm/sqlite-core';

/**
 * One leaf per published record version, in log order. Domain tables keep the ledger index
 * of what they published; a record's history follows `supersedes` back (store.ts).
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    /** Leaf index, from 0, without gaps. */
    idx: integer('idx').primaryKey(),
    /** The exact entry bytes (see record.ts); ≤ 65,535 bytes so they fit a tlog-tiles bundle. */
    entry: blob('entry', { mode: 'buffer' }).notNull(),
    /** SHA-256(0x00 ‖ entry), stored so tiles are emitted without rehashing. */
    leafHash: blob('leaf_hash', { mode: 'buffer' }).notNull(),
    /** When the entry was appended (ISO 8601); not part of the entry or its hash. */
    appendedAt: text('appended_at').notNull(),
  },
  (t) => [
    check('ledger_entries_leaf_hash_size', sql`length(${t.leafHash}) = 32`),
    check('ledger_entries_entry_size', sql`length(${t.entry}) <= 65535`),
  ],
);

/**
 * Hashes of complete subtrees of 256^level leaves (level ≥ 1): the contents of the level-L
 * tlog tiles, kept as full tiles complete so publishing and proofs read them instead of
 * recomputing a million interior hashes.
 */
export const ledgerTileHashes = sqliteTable(
  'ledger_tile_hashes',
  {
    level: integer('level').notNull(),
    idx: integer('idx').notNull(),
    hash: blob('hash', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] }), check('ledger_tile_hashes_size', sql`length(${t.hash}) = 32`)],
);

/** Every checkpoint the ledger signed, in order; the newest is what the next must extend. */
export const ledgerCheckpoints = sqliteTable(
  'ledger_checkpoints',
  {
    id: integer('id').primaryKey(),
    origin: text('origin').notNull(),
    size: integer('size').notNull().unique(),
    rootHash: blob('root_hash', { mode: 'buffer' }).notNull(),
    /** The full signed note, as published at ledger/checkpoint. */
    note: text('note').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [check('ledger_checkpoints_root_size', sql`length(${t.rootHash}) = 32`)],
);

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type LedgerCheckpoint = typeof ledgerCheckpoints.$inferSelect;

/**
 * Which ledger entry holds which version of a published record (kind + public id), written
 * with the entry in the same transaction. Publishing compares each record's current public
 * fields with its newest version here, and pages map a record to its ledger index from it.
 * Append-only like the others (db/migrations/*_ledger_records_triggers.sql).
 */
export const ledgerRecords = sqliteTable(
  'ledger_records',
  {
    kind: text('kind').notNull(),
    /** The record's public id, as text (integers in decimal). */
    recordId: text('record_id').notNull(),
    /** 1, 2, …: the entry's own version field. */
    version: integer('version').notNull(),
    idx: integer('idx')
      .notNull()
      .unique()
      .references(() => ledgerEntries.idx),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId, t.version] })],
);

export type LedgerRecord = typeof ledgerRecords.$inferSelect;
