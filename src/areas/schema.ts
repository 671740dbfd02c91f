// Townships (乡镇) and villages (村/社区), keyed by their statistical area codes
// (统计用区划代码: 9 digits for a township, 12 for a village).
import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { importBatches } from '../import/schema.ts';

export const townships = sqliteTable('townships', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  batchId: integer('batch_id').notNull().references(() => importBatches.id),
});

export const villages = sqliteTable(
  'villages',
  {
    id: integer('id').primaryKey(),
    code: text('code').notNull().unique(),
    townshipId: integer('township_id').notNull().references(() => townships.id),
    name: text('name').notNull(),
    /** '村' (village) or '社区' (urban community) */
    kind: text('kind', { enum: ['村', '社区'] }).notNull(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
  },
  (t) => [uniqueIndex('villages_township_name').on(t.townshipId, t.name)],
);

export type Township = typeof townships.$inferSelect;
export type Village = typeof villages.$inferSelect;
