// Published inquiry answers in the transparency ledger (issues 5 and 7). Each approved
// answer of a published inquiry is its own record, `inquiry-answer:<answer id>`: an approved
// answer row never changes (a reopened inquiry gets a new answer, a new record), so the
// ledger's refusal of silent edits never blocks a publish over ordinary desk work.
// Only what the public list shows: no contact details, no names of staff.
import { registerLedgerSource } from '../ledger/sources.ts';

registerLedgerSource({
  kind: 'inquiry-answer',
  *records(db) {
    const rows = db.$client
      .prepare(
        `SELECT a.id, i.tracking_no, i.category, coalesce(a.department_code, i.department_code) AS department, a.body_md,
                substr(a.reviewed_at, 1, 10) AS approved_on
           FROM inquiry_answers a JOIN inquiries i ON i.id = a.inquiry_id
          WHERE a.state = 'approved' AND i.published = 1
          ORDER BY a.id`,
      )
      .iterate() as Iterable<{ id: number; tracking_no: string; category: string; department: string | null; body_md: string; approved_on: string | null }>;
    for (const r of rows) {
      const fields: Record<string, string> = { tracking_no: r.tracking_no, category: r.category, answer: r.body_md };
      if (r.department) fields['department'] = r.department;
      if (r.approved_on) fields['approved_on'] = r.approved_on;
      yield { id: r.id, fields };
    }
  },
});
