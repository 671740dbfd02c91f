// The back office's own tables (issue 6): what each browser upload found, and the publish
// queue. Approvals and rejections live on import_batches (reviewed_by/at, review_note).
import { sqliteTable, integer, text, real, index } from 'drizzle-orm/sqlite-core';
import type { ImportIssue } from '../import/errors.ts';

/** One upload attempt and its validation report (kept whether or not it loaded). */
export const uploadReports = sqliteTable(
  'upload_reports',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    /** staff_users.id of the uploader */
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    bytes: integer('bytes').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    /** the pending batch a valid file became */
    batchId: integer('batch_id'),
    rows: integer('rows').notNull(),
    totalFen: integer('total_fen'),
    encoding: text('encoding'),
    issueCount: integer('issue_count').notNull(),
    /** every problem found (values of sensitive columns already masked by the importer) */
    issues: text('issues', { mode: 'json' }).$type<ImportIssue[]>().notNull(),
    notices: text('notices', { mode: 'json' }).$type<string[]>().notNull(),
    seconds: real('seconds').notNull(),
  },
  (t) => [index('upload_reports_user').on(t.userId)],
);

export const PUBLISH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/** The publish queue: one build runs at a time; jobs queued meanwhile share the next build. */
export const publishJobs = sqliteTable(
  'publish_jobs',
  {
    id: integer('id').primaryKey(),
    createdAt: text('created_at').notNull(),
    /** staff_users.id, or null for the CLI */
    requestedBy: integer('requested_by'),
    /** the batch whose approval asked for this publish, if any */
    batchId: integer('batch_id'),
    status: text('status', { enum: PUBLISH_STATUSES }).notNull(),
    /** the step running now or last (e.g. "astro build") */
    step: text('step'),
    log: text('log').notNull().default(''),
    error: text('error'),
    buildDir: text('build_dir'),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    seconds: real('seconds'),
  },
  (t) => [index('publish_jobs_status').on(t.status)],
);

export type UploadReport = typeof uploadReports.$inferSelect;
export type PublishJob = typeof publishJobs.$inferSelect;
