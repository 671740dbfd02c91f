// Published answers in the transparency ledger, against real SQLite with the migrations:
// each approved answer is one record, without contact details; a reopened inquiry's second
// answer is a new record, and the first stays as it was (no drift, so publishing goes on).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../db/testing.ts';
import { appendPublished, diffLedger } from '../ledger/publish.ts';
import { ledgerSources } from '../ledger/sources.ts';
import './ledger-source.ts';
import { publicList } from './reads.ts';
import { setVerdict, submitInquiry } from './service.ts';
import { draft, review, triage } from './staff.ts';
import { HANDLER, REGISTRAR, REVIEWER, sample, seedUnits } from './testing.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedUnits(t.db);
});
afterEach(() => t.cleanup());

const answerSource = () => ledgerSources().filter((s) => s.kind === 'inquiry-answer');
const answer = (id: number, body: string) => {
  triage(t.db, REGISTRAR, id, { category: 'complaint', department: '101001' });
  draft(t.db, HANDLER, id, body);
  review(t.db, REVIEWER, id, { approve: true });
};

describe('inquiry answers in the ledger', () => {
  it('logs each approved answer of a published inquiry once, without the contact details the handler copied in', () => {
    const r = submitInquiry(t.db, sample());
    expect(diffLedger(t.db, answerSource()).fresh).toHaveLength(0); // nothing approved yet
    answer(r.id, '李四您好：已核实，补发 200 元。如有疑问请回电 13900001111。');
    const diff = diffLedger(t.db, answerSource());
    expect(diff.fresh.map((f) => `${f.kind}:${f.id}`)).toEqual(['inquiry-answer:1']);
    const entry = new TextDecoder().decode(diff.fresh[0]!.entry);
    expect(entry).toContain('补发 200 元');
    expect(entry).not.toContain('13900001111');
    expect(entry).not.toContain('李四');
    // The public list shows the same redacted answer.
    expect(publicList(t.db).items[0]!.answer).not.toContain('13900001111');
  });

  it('keeps a reopened inquiry’s first answer as published, and logs the second as a new record', () => {
    const r = submitInquiry(t.db, sample());
    answer(r.id, '已补发。');
    appendPublished(t.db);
    setVerdict(t.db, r.trackingNo, r.code, 'unresolved');
    draft(t.db, HANDLER, r.id, '再次核实：差额 50 元已于今日补发。');
    review(t.db, REVIEWER, r.id, { approve: true });
    const diff = diffLedger(t.db, answerSource());
    expect(diff.drift).toEqual([]);
    expect(diff.fresh.map((f) => f.id)).toEqual(['2']);
  });
});
