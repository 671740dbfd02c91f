// Citizens' inquiries and complaints (issue 5): the item itself, every step taken on it
// (who did what, when: the handling slip), the answers drafted and reviewed, and the
// answer library's "this answered my question" counts.
// Contact details live in their own columns and nowhere else: no event, log line, public
// page or build ever reads them (only the staff desk's detail view does).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const CATEGORIES = ['consult', 'complaint', 'suggestion', 'disclosure'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * received → (registrar triages) → assigned → (handler drafts) → in_review → (reviewer
 * approves) → answered; a returned draft goes back to assigned; a citizen who says
 * "not resolved" reopens an answered item (back to assigned, same deadline rules).
 */
export const STATUSES = ['received', 'assigned', 'in_review', 'answered'] as const;
export type Status = (typeof STATUSES)[number];

/** Who asked for information (the columns of the annual report's table). */
export const REQUESTERS = ['person', 'business', 'research', 'charity', 'legal', 'other'] as const;
export type Requester = (typeof REQUESTERS)[number];

export const inquiries = sqliteTable(
  'inquiries',
  {
    id: integer('id').primaryKey(),
    /** public tracking number, e.g. 20261204-7KQ3MX */
    trackingNo: text('tracking_no').notNull().unique(),
    /** salt:sha256(salt:code) of the secret query code; the code itself is never stored */
    codeHash: text('code_hash').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    requester: text('requester', { enum: REQUESTERS }).notNull().default('person'),
    /** budget unit code; null = the citizen was not sure (the registrar decides) */
    departmentCode: text('department_code'),
    /** a published record this is about: disbursement:123, fund:ZX2025-01, project:…, village:… */
    record: text('record'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** never public, never logged */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: STATUSES }).notNull().default('received'),
    receivedAt: text('received_at').notNull(),
    /** China-time date of receipt: day 0 of the working-day count */
    receivedDate: text('received_date').notNull(),
    deadline: text('deadline').notNull(),
    /** working days granted; the statutory extension adds to it */
    deadlineDays: integer('deadline_days').notNull(),
    extended: integer('extended', { mode: 'boolean' }).notNull().default(false),
    answeredAt: text('answered_at'),
    answeredDate: text('answered_date'),
    /** 依申请公开 only: the outcome row of the annual report (disclosure.ts) */
    outcome: text('outcome'),
    /** the citizen's own verdict, kept apart from the department's status */
    verdict: text('verdict', { enum: ['resolved', 'unresolved'] }),
    rating: integer('rating'),
    /** question as published, personal data removed (set when the answer is approved) */
    publicSubject: text('public_subject'),
    publicBody: text('public_body'),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('inquiries_status').on(t.status),
    index('inquiries_department').on(t.departmentCode),
    index('inquiries_received').on(t.receivedDate),
    index('inquiries_published').on(t.published),
  ],
);

export const EVENT_ACTIONS = [
  'submitted',
  'triaged',
  'forwarded',
  'drafted',
  'returned',
  'approved',
  'extended',
  'verdict',
  'rated',
  'reopened',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The handling slip: every step, with its actor (null = the citizen) and a short note. */
export const inquiryEvents = sqliteTable(
  'inquiry_events',
  {
    id: integer('id').primaryKey(),
    inquiryId: integer('inquiry_id').notNull().references(() => inquiries.id),
    at: text('at').notNull(),
    action: text('action', { enum: EVENT_ACTIONS }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    fromDepartment: text('from_department'),
    toDepartment: text('to_department'),
    note: text('note'),
  },
  (t) => [index('inquiry_events_inquiry').on(t.inquiryId)],
);

export const ANSWER_STATES = ['in_review', 'approved', 'returned'] as const;

/** Drafted answers (markdown) and their review: only an approved one is ever shown. */
export const inquiryAnswers = sqliteTable(
  'inquiry_answers',
  {
    id: integer('id').primaryKey(),
    inquiryId: integer('inquiry_id').notNull().references(() => inquiries.id),
    bodyMd: text('body_md').notNull(),
    departmentCode: text('department_code'),
    authorId: integer('author_id'),
    authorName: text('author_name'),
    state: text('state', { enum: ANSWER_STATES }).notNull().default('in_review'),
    reviewerId: integer('reviewer_id'),
    reviewNote: text('review_note'),
    createdAt: text('created_at').notNull(),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [index('inquiry_answers_inquiry').on(t.inquiryId)],
);

/** "This answered my question" on an answer-library entry, and views of a suggestion. */
export const answerFeedback = sqliteTable('answer_feedback', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull(),
  at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type Inquiry = typeof inquiries.$inferSelect;
export type InquiryEvent = typeof inquiryEvents.$inferSelect;
export type InquiryAnswer = typeof inquiryAnswers.$inferSelect;
