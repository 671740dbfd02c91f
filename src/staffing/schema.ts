// Staffing establishment (机构编制): institutions, the establishment approved for each by
// type (行政编制 / 事业编制 / 工勤编制), leadership posts, and the real-name staff list
// (实名制). Staff names are public by design; their ID numbers are kept only as a keyed
// hash, which is what exposes one person on two payrolls ("ghost" employees).
import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { importBatches } from '../import/schema.ts';

export const INSTITUTION_KINDS = ['行政', '事业'] as const;
export const QUOTA_TYPES = ['行政编制', '事业编制', '工勤编制'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type QuotaType = (typeof QUOTA_TYPES)[number];

export const institutions = sqliteTable('institutions', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: INSTITUTION_KINDS }).notNull(),
  /** 主管部门: the supervising department's name, empty for top-level bodies */
  parent: text('parent').notNull().default(''),
  /** 领导职数: approved leadership posts */
  leaderPosts: integer('leader_posts').notNull(),
  batchId: integer('batch_id').notNull().references(() => importBatches.id),
});

export const quotas = sqliteTable(
  'quotas',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    type: text('type', { enum: QUOTA_TYPES }).notNull(),
    approved: integer('approved').notNull(),
  },
  (t) => [uniqueIndex('quotas_key').on(t.institutionId, t.type)],
);

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['男', '女'] }).notNull(),
    quotaType: text('quota_type', { enum: QUOTA_TYPES }).notNull(),
    post: text('post').notNull(),
    /** HMAC of the ID number: unique county-wide, so nobody is paid by two institutions */
    idHash: text('id_hash').notNull().unique(),
    joinedOn: text('joined_on'),
  },
  (t) => [index('staff_institution').on(t.institutionId)],
);

export type Institution = typeof institutions.$inferSelect;
export type Quota = typeof quotas.$inferSelect;
export type Staff = typeof staff.$inferSelect;
