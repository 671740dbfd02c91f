// Every CSV load is one import batch: who loaded which file (by content hash), when,
// how many rows, and whether it is published. Data rows point at their batch so a
// rejected batch can be removed whole and the public site shows published batches only.
import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const BATCH_STATUSES = ['pending', 'published', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file is never loaded twice. */
    fileSha256: text('file_sha256').notNull(),
    encoding: text('encoding').notNull(),
    rows: integer('rows').notNull(),
    /** Sum of the file's money column in 分, where the kind has one. */
    totalFen: integer('total_fen'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    status: text('status', { enum: BATCH_STATUSES }).notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    reviewNote: text('review_note'),
    /** Several files loaded together (`gongkai load DIR`) share a group id. */
    groupId: text('group_id'),
  },
  (t) => [index('import_batches_sha').on(t.fileSha256), index('import_batches_status').on(t.status)],
);

export type ImportBatch = typeof importBatches.$inferSelect;
