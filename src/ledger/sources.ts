// What goes into the ledger (Node only): every published record, as the public sees it.
// A source lists the current public records of one kind; publishing (publish.ts) appends
// the new ones and refuses when a record already in the ledger changed without a
// correction. Other areas (inquiry answers) register their own source:
//
//   import { registerLedgerSource } from '../ledger/sources.ts';
//   registerLedgerSource({ kind: 'inquiry-answer', records: (db) => publishedAnswers(db) });
//
// Fields are the public values only: masked names and IDs, money in integer 分, codes for
// references. The record encoding's privacy net (record.ts) refuses anything that looks
// like a full ID or account number.
import type { Db } from '../db/client.ts';
import { PUBLISHED } from '../db/read.ts';
import type { JsonValue } from './record.ts';

/** One current public record of a source. */
export interface SourceRecord {
  /** Stable public id within the kind (what page URLs and report links use). */
  id: string | number;
  fields: { [key: string]: JsonValue };
}

/** A kind of published record. */
export interface LedgerSource {
  /** Lowercase ASCII, e.g. "disbursement", "inquiry-answer". */
  kind: string;
  /** Every record of this kind that is public now, in a stable order (it sets the append order). */
  records(db: Db): Iterable<SourceRecord>;
}

const sources: LedgerSource[] = [];

/** Add a kind of record to the ledger (call at module load, before publishing). */
export function registerLedgerSource(source: LedgerSource): void {
  if (sources.some((s) => s.kind === source.kind)) throw new Error(`ledger source ${source.kind} is registered twice`);
  sources.push(source);
}

/** The registered sources, built-in ones first. */
export function ledgerSources(): readonly LedgerSource[] {
  return sources;
}

type Row = Record<string, string | number | null>;
/** Drop nulls: a missing optional value is left out rather than encoded as null. */
function compact(row: Row, skip: readonly string[]): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && !skip.includes(k)) out[k] = v;
  return out;
}
function* rows(db: Db, sql: string, skip: readonly string[] = ['rid']): Iterable<SourceRecord> {
  for (const row of db.$client.prepare(sql).iterate() as Iterable<Row>) yield { id: row.rid as string | number, fields: compact(row, skip) };
}

registerLedgerSource({
  kind: 'fund',
  records: (db) =>
    rows(
      db,
      `SELECT f.code AS rid, f.name, f.year, f.office, f.policy_basis, f.kind, f.publish_deadline, f.name_display
       FROM funds f WHERE ${PUBLISHED('f')} ORDER BY f.code`,
    ),
});

registerLedgerSource({
  kind: 'project',
  records: (db) =>
    rows(
      db,
      `SELECT p.code AS rid, f.code AS fund, p.name, t.code AS township, v.code AS village, p.place, p.amount_fen,
              p.contractor, p.approved_on, p.paid_on, p.start_on, p.end_on, p.status
       FROM projects p JOIN funds f ON f.id = p.fund_id JOIN townships t ON t.id = p.township_id
       LEFT JOIN villages v ON v.id = p.village_id
       WHERE ${PUBLISHED('p')} ORDER BY p.code`,
    ),
});

// Household payments in village order, so a village's payments take consecutive indexes
// (pages then map them with a few runs; see page.ts). The name is the masked one unless
// the fund publishes full names, exactly as the village page shows it.
registerLedgerSource({
  kind: 'disbursement',
  records: (db) =>
    rows(
      db,
      `SELECT d.id AS rid, f.code AS fund, v.code AS village, r.household_no,
              CASE WHEN f.name_display = 'full' THEN coalesce(n.full_name, r.name_masked) ELSE r.name_masked END AS name,
              r.id_masked, d.amount_fen, d.approved_on, d.paid_on, d.channel
       FROM disbursements d JOIN funds f ON f.id = d.fund_id JOIN recipients r ON r.id = d.recipient_id
       JOIN villages v ON v.id = d.village_id LEFT JOIN recipient_names n ON n.recipient_id = r.id AND f.name_display = 'full'
       WHERE ${PUBLISHED('d')} ORDER BY d.village_id, d.id`,
    ),
});

registerLedgerSource({
  kind: 'budget-line',
  records: (db) =>
    rows(
      db,
      `SELECT u.code || '/' || b.year || '/' || b.classification || '/' || b.subject_code AS rid, u.code AS unit, u.name AS unit_name,
              b.year, b.classification, b.subject_code, b.subject_name, b.amount_fen, b.san_gong
       FROM budget_lines b JOIN budget_units u ON u.id = b.unit_id
       WHERE ${PUBLISHED('b')} ORDER BY u.code, b.year, b.classification, b.subject_code`,
    ),
});

// Staffing: an institution with its approved establishment, and each staff member as the
// real-name list publishes them (the ID number's hash stays out).
registerLedgerSource({
  kind: 'institution',
  *records(db) {
    const quotas = new Map<number, { [type: string]: JsonValue }>();
    for (const q of db.$client.prepare(`SELECT institution_id AS i, type, approved FROM quotas q WHERE ${PUBLISHED('q')} ORDER BY type`).iterate() as Iterable<{ i: number; type: string; approved: number }>) {
      const m = quotas.get(q.i) ?? {};
      m[q.type] = q.approved;
      quotas.set(q.i, m);
    }
    const sql = `SELECT i.id AS iid, i.code AS rid, i.name, i.kind, i.parent, i.leader_posts FROM institutions i WHERE ${PUBLISHED('i')} ORDER BY i.code`;
    for (const row of db.$client.prepare(sql).iterate() as Iterable<Row>) {
      yield { id: row.rid as string, fields: { ...compact(row, ['rid', 'iid']), quotas: quotas.get(row.iid as number) ?? {} } };
    }
  },
});

registerLedgerSource({
  kind: 'staff',
  records: (db) =>
    rows(
      db,
      `SELECT s.id AS rid, i.code AS institution, s.name, s.gender, s.quota_type, s.post, s.joined_on
       FROM staff s JOIN institutions i ON i.id = s.institution_id WHERE ${PUBLISHED('s')} ORDER BY i.code, s.id`,
    ),
});
