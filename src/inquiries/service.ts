// The citizen's side of inquiries: filing, following with the secret code, the verdict
// and the rating (staff steps: staff.ts; public reads: reads.ts). Each write is one
// transaction that also appends the step to inquiry_events, so the handling slip and the
// item never disagree. Raw SQL through prepared statements: this is the hot path the
// bench measures, and one prepared insert beats building a query per request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { chinaDate } from './calendar.ts';
import { deadlineFor } from './deadlines.ts';
import type { Category, Inquiry, InquiryEvent, Status } from './schema.ts';
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
    approvedAnswer: q.prepare(`SELECT body_md FROM inquiry_answers WHERE inquiry_id = ? AND state = 'approved' ORDER BY id DESC LIMIT 1`).pluck(),
    publicEvents: q.prepare(
      `SELECT at, action, to_department AS toDepartment FROM inquiry_events WHERE inquiry_id = ? AND action IN ('submitted','triaged','forwarded','approved','extended','reopened') ORDER BY id`,
    ),
  };
}
/** Prepared statements per connection (internal to the inquiries domain). */
export function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

// Rows come back with snake_case columns; map them to the schema's field names.
export type Row = Record<string, unknown>;
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
export function toInquiry(row: Row | undefined): Inquiry | undefined {
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
/** Append one step to the handling slip (inside the caller's transaction). */
export function logEvent(db: Db, inquiryId: number, actor: Actor, e: EventInput, at: string): void {
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
  const st = stmts(db);
  const answer = st.approvedAnswer.get(it.id) as string | undefined;
  const events = st.publicEvents.all(it.id) as CitizenView['events'];
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
