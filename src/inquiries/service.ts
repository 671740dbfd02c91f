// Inquiries' reads and writes: filing, following with the secret code, the citizen's
// verdict and rating, and every staff step (triage, forward, draft, review). Each write is
// one transaction that also appends the step to inquiry_events, so the handling slip and
// the item never disagree. Raw SQL through prepared statements: this is the hot path the
// bench measures, and one prepared insert beats building a query per request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { chinaDate } from './calendar.ts';
import { deadlineFor } from './deadlines.ts';
import type { Outcome } from './disclosure.ts';
import type { Category, Inquiry, InquiryAnswer, InquiryEvent, Requester, Status } from './schema.ts';
import type { DisclosureItem } from './disclosure.ts';
import type { StatItem } from './stats.ts';
import type { Submission } from './validate.ts';

/** A refusal the citizen or staff member can act on (4xx), in both languages. */
export class InquiryError extends Error {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  constructor(status: number, zh: string, en: string) {
    super(en);
    this.status = status;
    this.zh = zh;
    this.en = en;
  }
}

// Crockford base32 without I, L, O, U: readable over the phone, no look-alikes.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return s;
}

/** Normalise a typed code: case, spaces, dashes and look-alike letters do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function hashCode(code: string, salt = randomBytes(12).toString('hex')): string {
  return `${salt}:${createHash('sha256').update(`${salt}:${normaliseCode(code)}`).digest('hex')}`;
}

function codeMatches(stored: string, code: string): boolean {
  const [salt] = stored.split(':');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashCode(code, salt));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Remove what identifies a person from text about to be published. */
export function redact(text: string, name?: string | null): string {
  let out = text
    .replace(/(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g, '$1********$2') // ID numbers
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2') // mobile phones
    .replace(/(?<!\d)(0\d{2,3}-?)\d{7,8}(?!\d)/g, '$1********') // landlines
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***') // e-mail
    .replace(/(?<!\d)\d{16,19}(?!\d)/g, '****************'); // bank cards
  if (name && name.length >= 2) out = out.split(name).join(`${name[0]}${'*'.repeat(name.length - 1)}`);
  return out;
}

export interface Receipt {
  id: number;
  trackingNo: string;
  /** shown once, never stored */
  code: string;
  deadline: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  const q = db.$client;
  return {
    insert: q.prepare(
      `INSERT INTO inquiries (tracking_no, code_hash, category, requester, department_code, record, subject, body, contact_name, contact_phone, status, received_at, received_date, deadline, deadline_days)
       VALUES (@trackingNo, @codeHash, @category, @requester, @departmentCode, @record, @subject, @body, @contactName, @contactPhone, 'received', @receivedAt, @receivedDate, @deadline, @deadlineDays)`,
    ),
    event: q.prepare(
      `INSERT INTO inquiry_events (inquiry_id, at, action, actor_id, actor_name, from_department, to_department, note)
       VALUES (@inquiryId, @at, @action, @actorId, @actorName, @fromDepartment, @toDepartment, @note)`,
    ),
    byNumber: q.prepare(`SELECT * FROM inquiries WHERE tracking_no = ?`),
    byId: q.prepare(`SELECT * FROM inquiries WHERE id = ?`),
    unit: q.prepare(`SELECT 1 FROM budget_units WHERE code = ?`).pluck(),
  };
}
function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

// Rows come back with snake_case columns; map them to the schema's field names.
type Row = Record<string, unknown>;
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
function toInquiry(row: Row | undefined): Inquiry | undefined {
  if (!row) return undefined;
  const o: Row = {};
  for (const [k, v] of Object.entries(row)) o[camel(k)] = v;
  o.extended = !!o.extended;
  o.published = !!o.published;
  return o as unknown as Inquiry;
}

export interface Actor {
  id: number | null;
  name: string | null;
}
const CITIZEN: Actor = { id: null, name: null };

interface EventInput {
  action: InquiryEvent['action'];
  from?: string | null;
  to?: string | null;
  note?: string | null;
}
function logEvent(db: Db, inquiryId: number, actor: Actor, e: EventInput, at: string): void {
  stmts(db).event.run({
    inquiryId,
    at,
    action: e.action,
    actorId: actor.id,
    actorName: actor.name,
    fromDepartment: e.from ?? null,
    toDepartment: e.to ?? null,
    note: e.note ?? null,
  });
}

/** Whether `code` names a budget unit (the departments a citizen may choose). */
export function isDepartment(db: Db, code: string): boolean {
  return stmts(db).unit.get(code) !== undefined;
}

/** File a new item: one transaction (item + its first event). Returns the citizen's receipt. */
export function submitInquiry(db: Db, s: Submission, now = new Date()): Receipt {
  if (s.department !== null && !isDepartment(db, s.department)) {
    throw new InquiryError(422, '所选部门不存在', 'No such department');
  }
  const st = stmts(db);
  const receivedAt = now.toISOString();
  const receivedDate = chinaDate(now);
  const deadline = deadlineFor(s.category, receivedDate);
  const code = randomCode(10);
  const codeHash = hashCode(code);
  const tx = db.$client.transaction((): { id: number; trackingNo: string } => {
    for (let attempt = 0; ; attempt++) {
      const trackingNo = `${receivedDate.replace(/-/g, '')}-${randomCode(6)}`;
      try {
        const r = st.insert.run({
          trackingNo,
          codeHash,
          category: s.category,
          requester: s.category === 'disclosure' ? s.requester : 'person',
          departmentCode: s.department,
          record: s.record,
          subject: s.subject,
          body: s.body,
          contactName: s.name,
          contactPhone: s.phone,
          receivedAt,
          receivedDate,
          deadline: deadline.date,
          deadlineDays: deadline.days,
        });
        const id = Number(r.lastInsertRowid);
        logEvent(db, id, CITIZEN, { action: 'submitted', to: s.department }, receivedAt);
        return { id, trackingNo };
      } catch (err) {
        // 32^6 numbers a day: a clash is rare; try another.
        if (attempt < 5 && err instanceof Error && /UNIQUE/.test(err.message)) continue;
        throw err;
      }
    }
  });
  const { id, trackingNo } = tx.immediate();
  return { id, trackingNo, code: `${code.slice(0, 5)}-${code.slice(5)}`, deadline: deadline.date };
}

const NOT_FOUND = () => new InquiryError(404, '查询编号或查询码不正确', 'Tracking number or query code is wrong');

/** The item behind a tracking number, only with its secret code (404 for either wrong). */
export function findWithCode(db: Db, trackingNo: string, code: string): Inquiry {
  const row = toInquiry(stmts(db).byNumber.get(trackingNo) as Row | undefined);
  if (!row || !codeMatches(row.codeHash, code)) throw NOT_FOUND();
  return row;
}

/** What the citizen sees when following an item: never the contact details or internal notes. */
export interface CitizenView {
  trackingNo: string;
  category: Category;
  departmentCode: string | null;
  record: string | null;
  subject: string;
  body: string;
  status: Status;
  receivedDate: string;
  deadline: string;
  deadlineDays: number;
  extended: boolean;
  answeredDate: string | null;
  /** the approved answer (markdown), if any */
  answer: string | null;
  verdict: 'resolved' | 'unresolved' | null;
  rating: number | null;
  events: { at: string; action: InquiryEvent['action']; toDepartment: string | null }[];
}

/** The citizen's view of one item. */
export function citizenView(db: Db, it: Inquiry): CitizenView {
  const answer = db.$client
    .prepare(`SELECT body_md FROM inquiry_answers WHERE inquiry_id = ? AND state = 'approved' ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(it.id) as string | undefined;
  const events = db.$client
    .prepare(`SELECT at, action, to_department AS toDepartment FROM inquiry_events WHERE inquiry_id = ? AND action IN ('submitted','triaged','forwarded','approved','extended','reopened') ORDER BY id`)
    .all(it.id) as CitizenView['events'];
  return {
    trackingNo: it.trackingNo,
    category: it.category,
    departmentCode: it.departmentCode,
    record: it.record,
    subject: it.subject,
    body: it.body,
    status: it.status,
    receivedDate: it.receivedDate,
    deadline: it.deadline,
    deadlineDays: it.deadlineDays,
    extended: it.extended,
    answeredDate: it.answeredDate,
    answer: answer ?? null,
    verdict: it.verdict,
    rating: it.rating,
    events,
  };
}

/** The citizen says whether the answer resolved it; "not resolved" reopens it for the department. */
export function setVerdict(db: Db, trackingNo: string, code: string, verdict: 'resolved' | 'unresolved', now = new Date()): Inquiry {
  const it = findWithCode(db, trackingNo, code);
  if (it.status !== 'answered') throw new InquiryError(409, '答复之后才能评价', 'You can give your verdict once it has been answered');
  const at = now.toISOString();
  db.$client.transaction(() => {
    db.$client.prepare(`UPDATE inquiries SET verdict = ? WHERE id = ?`).run(verdict, it.id);
    logEvent(db, it.id, CITIZEN, { action: 'verdict', note: verdict }, at);
    if (verdict === 'unresolved') {
      db.$client.prepare(`UPDATE inquiries SET status = 'assigned' WHERE id = ?`).run(it.id);
      logEvent(db, it.id, CITIZEN, { action: 'reopened', to: it.departmentCode }, at);
    }
  }).immediate();
  return findWithCode(db, trackingNo, code);
}

/** The citizen rates the answer, 1–5. */
export function setRating(db: Db, trackingNo: string, code: string, rating: number, now = new Date()): Inquiry {
  const it = findWithCode(db, trackingNo, code);
  if (!it.answeredDate) throw new InquiryError(409, '答复之后才能评分', 'You can rate it once it has been answered');
  db.$client.transaction(() => {
    db.$client.prepare(`UPDATE inquiries SET rating = ? WHERE id = ?`).run(rating, it.id);
    logEvent(db, it.id, CITIZEN, { action: 'rated', note: String(rating) }, now.toISOString());
  }).immediate();
  return findWithCode(db, trackingNo, code);
}

// ── staff ────────────────────────────────────────────────────────────────────────────

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
    db.$client
      .prepare(`UPDATE inquiry_answers SET state = ?, reviewer_id = ?, review_note = ?, reviewed_at = ? WHERE id = ?`)
      .run(r.approve ? 'approved' : 'returned', actor.id, r.note ?? null, at, pending.id);
    if (r.approve) {
      db.$client
        .prepare(
          `UPDATE inquiries SET status = 'answered', answered_at = coalesce(answered_at, ?), answered_date = coalesce(answered_date, ?),
             outcome = coalesce(?, outcome), published = 1, public_subject = ?, public_body = ? WHERE id = ?`,
        )
        .run(at, today, r.outcome ?? null, r.publicSubject || redact(it.subject, it.contactName), r.publicBody || redact(it.body, it.contactName), id);
    } else db.$client.prepare(`UPDATE inquiries SET status = 'assigned' WHERE id = ?`).run(id);
    logEvent(db, id, actor, { action: r.approve ? 'approved' : 'returned', note: r.note ?? null }, at);
  });
}

// ── public reads ─────────────────────────────────────────────────────────────────────

export interface PublicItem {
  trackingNo: string;
  category: Category;
  departmentCode: string | null;
  subject: string;
  body: string;
  receivedDate: string;
  answeredDate: string;
  answer: string;
}

/** Published question-and-answer pairs (personal data removed), newest first, searchable. */
export function publicList(db: Db, q = '', page = 1, perPage = 20): { items: PublicItem[]; total: number } {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `i.published = 1 AND a.state = 'approved' AND a.id = (SELECT max(id) FROM inquiry_answers WHERE inquiry_id = i.id AND state = 'approved')
    AND (? = '' OR i.public_subject LIKE ? ESCAPE '\\' OR i.public_body LIKE ? ESCAPE '\\' OR a.body_md LIKE ? ESCAPE '\\')`;
  const args = [q, like, like, like];
  const total = db.$client.prepare(`SELECT count(*) FROM inquiries i JOIN inquiry_answers a ON a.inquiry_id = i.id WHERE ${where}`).pluck().get(...args) as number;
  const items = db.$client
    .prepare(
      `SELECT i.tracking_no AS trackingNo, i.category, i.department_code AS departmentCode, i.public_subject AS subject, i.public_body AS body,
              i.received_date AS receivedDate, i.answered_date AS answeredDate, a.body_md AS answer
       FROM inquiries i JOIN inquiry_answers a ON a.inquiry_id = i.id WHERE ${where} ORDER BY i.answered_at DESC, i.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, perPage, (Math.max(1, page) - 1) * perPage) as PublicItem[];
  return { items, total };
}

/** Every item as the statistics see it (no text, no contact). */
export function statItems(db: Db): StatItem[] {
  return db.$client
    .prepare(`SELECT category, department_code AS departmentCode, received_date AS receivedDate, deadline, answered_date AS answeredDate, verdict, rating FROM inquiries`)
    .all() as StatItem[];
}

/** Every disclosure request, for the annual report. */
export function disclosureItems(db: Db): DisclosureItem[] {
  return db.$client
    .prepare(`SELECT requester, received_date AS receivedDate, answered_date AS concludedDate, outcome FROM inquiries WHERE category = 'disclosure'`)
    .all() as DisclosureItem[];
}

/** Budget units as departments: code → name. */
export function departments(db: Db): { code: string; name: string }[] {
  return db.$client.prepare(`SELECT code, name FROM budget_units ORDER BY code`).all() as { code: string; name: string }[];
}

/** "This answered my question" on an answer-library entry. */
export function countHelped(db: Db, slug: string): void {
  db.$client.prepare(`INSERT INTO answer_feedback (slug) VALUES (?)`).run(slug);
}

/** Helped counts per library entry, and the total. */
export function helpedCounts(db: Db): { bySlug: Map<string, number>; total: number } {
  const rows = db.$client.prepare(`SELECT slug, count(*) AS n FROM answer_feedback GROUP BY slug`).all() as { slug: string; n: number }[];
  return { bySlug: new Map(rows.map((r) => [r.slug, r.n])), total: rows.reduce((s, r) => s + r.n, 0) };
}

export interface RecordLink {
  kind: string;
  id: string;
  /** site path (no locale prefix) of the record's public page, when it exists */
  href: string | null;
  /** what the record is, in words already public on the site (fund, date, amount; never a name) */
  label: string;
}

/** Resolve `kind:id` to its public page and a short public description. */
export function recordLink(db: Db, record: string): RecordLink | null {
  const m = /^([a-z-]+):(.+)$/.exec(record);
  if (!m) return null;
  const [, kind, id] = m as unknown as [string, string, string];
  const q = db.$client;
  const seg = encodeURIComponent;
  switch (kind) {
    case 'disbursement': {
      const r = q
        .prepare(`SELECT v.code AS village, v.name AS villageName, f.name AS fund, d.recipient_id AS rid, d.paid_on AS paidOn, d.amount_fen AS fen FROM disbursements d JOIN villages v ON v.id = d.village_id JOIN funds f ON f.id = d.fund_id WHERE d.id = ?`)
        .get(Number(id)) as { village: string; villageName: string; fund: string; rid: number; paidOn: string | null; fen: number } | undefined;
      if (!r) return { kind, id, href: null, label: record };
      const yuan = `${Math.trunc(r.fen / 100)}.${String(r.fen % 100).padStart(2, '0')}`;
      return { kind, id, href: `/villages/${seg(r.village)}/#r${r.rid}`, label: `${r.villageName} · ${r.fund} · ${r.paidOn ?? ''} · ¥${yuan}` };
    }
    case 'fund': {
      const name = q.prepare('SELECT name FROM funds WHERE code = ?').pluck().get(id) as string | undefined;
      return { kind, id, href: name ? `/funds/${seg(id)}/` : null, label: name ? `${name}（${id}）` : record };
    }
    case 'project': {
      const name = q.prepare('SELECT name FROM projects WHERE code = ?').pluck().get(id) as string | undefined;
      return { kind, id, href: name ? `/projects/${seg(id)}/` : null, label: name ?? record };
    }
    case 'village': {
      const name = q.prepare('SELECT name FROM villages WHERE code = ?').pluck().get(id) as string | undefined;
      return { kind, id, href: name ? `/villages/${seg(id)}/` : null, label: name ?? record };
    }
    case 'budget-unit': {
      const name = q.prepare('SELECT name FROM budget_units WHERE code = ?').pluck().get(id) as string | undefined;
      return { kind, id, href: name ? `/budgets/${seg(id)}/` : null, label: name ?? record };
    }
    case 'institution': {
      const name = q.prepare('SELECT name FROM institutions WHERE code = ?').pluck().get(id) as string | undefined;
      return { kind, id, href: name ? `/staffing/${seg(id)}/` : null, label: name ?? record };
    }
    default:
      return { kind, id, href: null, label: record };
  }
}
