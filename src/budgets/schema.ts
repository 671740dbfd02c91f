// Department budgets (部门预算): budget units and their lines, each line classified either
// by function (功能分类科目, e.g. 201 一般公共服务支出) or by economic nature (经济分类科目,
// e.g. 302 商品和服务支出). The two classifications are two views of the same total.
// 三公 expenses (receptions, official vehicles, overseas travel) are flagged per line.
import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { importBatches } from '../import/schema.ts';

export const CLASSIFICATIONS = ['function', 'economic'] as const;
export const SAN_GONG = ['overseas', 'reception', 'vehicle_purchase', 'vehicle_operation'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type SanGong = (typeof SAN_GONG)[number];

export const budgetUnits = sqliteTable('budget_units', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  batchId: integer('batch_id').notNull().references(() => importBatches.id),
});

export const budgetLines = sqliteTable(
  'budget_lines',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    unitId: integer('unit_id').notNull().references(() => budgetUnits.id),
    year: integer('year').notNull(),
    classification: text('classification', { enum: CLASSIFICATIONS }).notNull(),
    subjectCode: text('subject_code').notNull(),
    subjectName: text('subject_name').notNull(),
    amountFen: integer('amount_fen').notNull(),
    sanGong: text('san_gong', { enum: SAN_GONG }),
  },
  (t) => [uniqueIndex('budget_lines_key').on(t.unitId, t.year, t.classification, t.subjectCode)],
);

export type BudgetUnit = typeof budgetUnits.$inferSelect;
export type BudgetLine = typeof budgetLines.$inferSelect;
