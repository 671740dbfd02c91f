// Public and statistical reads of inquiries: the published question-and-answer list, the
// statistics' and annual report's inputs (no text, no contact), departments, the answer
// library's counts, and linked records described in public words.
import type { Db } from '../db/client.ts';
import type { DisclosureItem } from './disclosure.ts';
import type { Category } from './schema.ts';
import type { StatItem } from './stats.ts';

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
