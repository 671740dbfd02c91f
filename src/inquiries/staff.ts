// Staff steps on an inquiry (issue 5): the registrar's triage, forwarding between
// departments, the statutory extension, the department's draft and the reviewer's decision,
// plus the desk's reads. Each step is one transaction with its event on the handling slip.
import type { Db } from '../db/client.ts';
import { chinaDate } from './calendar.ts';
import { deadlineFor } from './deadlines.ts';
import type { Outcome } from './disclosure.ts';
import type { Category, Inquiry, InquiryAnswer, InquiryEvent, Requester, Status } from './schema.ts';
import { InquiryError, isDepartment, logEvent, redact, stmts, toInquiry, type Actor, type Row } from './service.ts';

/** One item by id, for the staff desk (with contact details: staff only). */
export function getInquiry(db: Db, id: number): Inquiry {
  const it = toInquiry(stmts(db).byId.get(id) as Row | undefined);
  if (!it) throw new InquiryError(404, '没有这条记录', 'No such item');
  return it;
}

export interface QueueFilter {
  status?: Status | undefined;
  department?: string | undefined;
}

/** The desk's list (newest first), optionally by status and department. */
export function queue(db: Db, f: QueueFilter = {}, limit = 200): Inquiry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.department) {
    where.push('department_code = ?');
    args.push(f.department);
  }
  const rows = db.$client
    .prepare(`SELECT * FROM inquiries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...args, limit) as Row[];
  return rows.map((r) => toInquiry(r) as Inquiry);
}

export function eventsOf(db: Db, id: number): InquiryEvent[] {
  return db.$client
    .prepare(`SELECT id, inquiry_id AS inquiryId, at, action, actor_id AS actorId, actor_name AS actorName, from_department AS fromDepartment, to_department AS toDepartment, note FROM inquiry_events WHERE inquiry_id = ? ORDER BY id`)
    .all(id) as InquiryEvent[];
}

export function answersOf(db: Db, id: number): InquiryAnswer[] {
  return db.$client
    .prepare(`SELECT id, inquiry_id AS inquiryId, body_md AS bodyMd, department_code AS departmentCode, author_id AS authorId, author_name AS authorName, state, reviewer_id AS reviewerId, review_note AS reviewNote, created_at AS createdAt, reviewed_at AS reviewedAt FROM inquiry_answers WHERE inquiry_id = ? ORDER BY id`)
    .all(id) as InquiryAnswer[];
}

function write(db: Db, fn: () => void): void {
  db.$client.transaction(fn).immediate();
}

export interface TriageInput {
  category: Category;
  department: string;
  requester?: Requester;
  note?: string | null;
}

/** Registrar: confirm category and department; the deadline follows the category. */
export function triage(db: Db, actor: Actor, id: number, t: TriageInput, now = new Date()): void {
  const it = getInquiry(db, id);
  if (!isDepartment(db, t.department)) throw new InquiryError(422, '所选部门不存在', 'No such department');
  if (it.status === 'answered') throw new InquiryError(409, '已答复的事项不能再分办', 'An answered item cannot be triaged again');
  const d = deadlineFor(t.category, it.receivedDate, it.extended);
  write(db, () => {
    db.$client
      .prepare(`UPDATE inquiries SET category = ?, department_code = ?, requester = ?, deadline = ?, deadline_days = ?, status = 'assigned' WHERE id = ?`)
      .run(t.category, t.department, t.requester ?? it.requester, d.date, d.days, id);
    logEvent(db, id, actor, { action: 'triaged', from: it.departmentCode, to: t.department, note: t.note ?? `${t.category}; ${d.date}` }, now.toISOString());
  });
}

/** Handler or registrar: send the item on to another department (each hop recorded). */
export function forward(db: Db, actor: Actor, id: number, to: string, note: string | null, now = new Date()): void {
  const it = getInquiry(db, id);
  if (!isDepartment(db, to)) throw new InquiryError(422, '所选部门不存在', 'No such department');
  if (to === it.departmentCode) throw new InquiryError(409, '已在该部门', 'It is already with that department');
  if (it.status === 'answered' || it.status === 'in_review') throw new InquiryError(409, '该事项当前不能转办', 'This item cannot be forwarded now');
  write(db, () => {
    db.$client.prepare(`UPDATE inquiries SET department_code = ?, status = 'assigned' WHERE id = ?`).run(to, id);
    logEvent(db, id, actor, { action: 'forwarded', from: it.departmentCode, to, note }, now.toISOString());
  });
}

/** 依申请公开: extend by the statutory 20 working days (once). */
export function extend(db: Db, actor: Actor, id: number, note: string | null, now = new Date()): void {
  const it = getInquiry(db, id);
  if (it.category !== 'disclosure') throw new InquiryError(409, '只有依申请公开可以延期', 'Only disclosure requests can be extended');
  if (it.extended) throw new InquiryError(409, '已经延期过一次', 'Already extended once');
  const d = deadlineFor(it.category, it.receivedDate, true);
  write(db, () => {
    db.$client.prepare(`UPDATE inquiries SET extended = 1, deadline = ?, deadline_days = ? WHERE id = ?`).run(d.date, d.days, id);
    logEvent(db, id, actor, { action: 'extended', note: note ?? d.date }, now.toISOString());
  });
}

/** Department handler: submit a draft answer (markdown) for review. */
export function draft(db: Db, actor: Actor, id: number, bodyMd: string, now = new Date()): void {
  const it = getInquiry(db, id);
  if (it.status !== 'assigned') throw new InquiryError(409, '该事项当前不能起草答复', 'This item is not waiting for an answer');
  const at = now.toISOString();
  write(db, () => {
    db.$client
      .prepare(`INSERT INTO inquiry_answers (inquiry_id, body_md, department_code, author_id, author_name, state, created_at) VALUES (?, ?, ?, ?, ?, 'in_review', ?)`)
      .run(id, bodyMd, it.departmentCode, actor.id, actor.name, at);
    db.$client.prepare(`UPDATE inquiries SET status = 'in_review' WHERE id = ?`).run(id);
    logEvent(db, id, actor, { action: 'drafted', to: it.departmentCode }, at);
  });
}

export interface ReviewInput {
  approve: boolean;
  note?: string | null;
  /** 依申请公开: the report row this answer concludes with */
  outcome?: Outcome | null;
  /** the question as it will be published (defaults to the redacted original) */
  publicSubject?: string | null;
  publicBody?: string | null;
}

/** Reviewer: approve (the answer goes public, personal data removed) or return with a note. */
export function review(db: Db, actor: Actor, id: number, r: ReviewInput, now = new Date()): void {
  const it = getInquiry(db, id);
  const pending = answersOf(db, id).filter((a) => a.state === 'in_review').pop();
  if (it.status !== 'in_review' || !pending) throw new InquiryError(409, '没有待审核的答复', 'There is no answer waiting for review');
  if (r.approve && it.category === 'disclosure' && !r.outcome) throw new InquiryError(422, '依申请公开须选择办理结果', 'Choose the outcome of the disclosure request');
  if (!r.approve && !r.note) throw new InquiryError(422, '退回须说明理由', 'Say why the answer is returned');
  const at = now.toISOString();
  const today = chinaDate(now);
  write(db, () => {
    // An approved answer goes public (the list, the ledger): the same net as the question's
    // catches a phone number or ID the handler copied into it. It never changes after this.
    db.$client
      .prepare(`UPDATE inquiry_answers SET state = ?, reviewer_id = ?, review_note = ?, reviewed_at = ?, body_md = ? WHERE id = ?`)
      .run(r.approve ? 'approved' : 'returned', actor.id, r.note ?? null, at, r.approve ? redact(pending.bodyMd, it.contactName) : pending.bodyMd, pending.id);
    if (r.approve) {
      db.$client
        .prepare(
          `UPDATE inquiries SET status = 'answered', answered_at = coalesce(answered_at, ?), answered_date = coalesce(answered_date, ?),
             outcome = coalesce(?, outcome), published = 1, public_subject = ?, public_body = ? WHERE id = ?`,
        )
        .run(at, today, r.outcome ?? null, redact(r.publicSubject || it.subject, it.contactName), redact(r.publicBody || it.body, it.contactName), id);
    } else db.$client.prepare(`UPDATE inquiries SET status = 'assigned' WHERE id = ?`).run(id);
    logEvent(db, id, actor, { action: r.approve ? 'approved' : 'returned', note: r.note ?? null }, at);
  });
}
