// The inquiry loop against real SQLite with the migrations applied: file, follow with the
// code, triage → forward → draft → return → draft → approve, verdict and reopen, publication.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from '../db/testing.ts';
import { annualReport } from './disclosure.ts';
import { disclosureItems, publicList, statItems } from './reads.ts';
import { citizenView, findWithCode, redact, setRating, setVerdict, submitInquiry } from './service.ts';
import { answersOf, draft, eventsOf, extend, forward, getInquiry, review, triage } from './staff.ts';
import { statistics } from './stats.ts';
import { HANDLER, REGISTRAR, REVIEWER, sample, seedUnits } from './testing.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  seedUnits(t.db);
});
afterEach(() => t.cleanup());

const at = (iso: string) => new Date(iso);

describe('filing and following', () => {
  it('gives a tracking number and a code; the code is not stored and a wrong one finds nothing', () => {
    const r = submitInquiry(t.db, sample(), at('2025-03-03T02:00:00Z'));
    expect(r.trackingNo).toMatch(/^20250303-[0-9A-Z]{6}$/);
    expect(r.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(r.deadline).toBe('2025-03-17'); // complaint: 10 working days
    const stored = t.db.$client.prepare('SELECT * FROM inquiries').get() as Record<string, unknown>;
    expect(JSON.stringify(stored)).not.toContain(r.code.replace('-', ''));
    expect(() => findWithCode(t.db, r.trackingNo, 'AAAAA-AAAAA')).toThrow(/wrong/);
    expect(() => findWithCode(t.db, '20250303-ZZZZZZ', r.code)).toThrow(/wrong/);
    // Case, dashes and look-alike letters do not matter.
    expect(findWithCode(t.db, r.trackingNo, r.code.toLowerCase().replace('-', ' ')).trackingNo).toBe(r.trackingNo);
  });

  it('never shows the citizen’s view or the handling slip any contact detail', () => {
    const r = submitInquiry(t.db, sample());
    const view = citizenView(t.db, findWithCode(t.db, r.trackingNo, r.code));
    expect(view).not.toHaveProperty('contactName');
    expect(view).not.toHaveProperty('contactPhone');
    const events = JSON.stringify(eventsOf(t.db, 1));
    expect(events).not.toContain('13900001111');
    expect(events).not.toContain('李四');
  });

  it('refuses a department that is not a budget unit', () => {
    expect(() => submitInquiry(t.db, sample({ department: '999999' }))).toThrow(/No such department/);
    expect(t.db.$client.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(0);
  });
});

describe('the staff loop', () => {
  it('triage → forward → draft → return → draft → approve publishes the redacted question', () => {
    const r = submitInquiry(t.db, sample({ department: null }), at('2025-03-03T02:00:00Z'));
    triage(t.db, REGISTRAR, r.id, { category: 'consult', department: '102001' }, at('2025-03-03T03:00:00Z'));
    expect(getInquiry(t.db, r.id).deadline).toBe('2025-03-10'); // consult: 5 working days
    forward(t.db, REGISTRAR, r.id, '101001', '属财政局');
    expect(() => review(t.db, REVIEWER, r.id, { approve: true })).toThrow(/no answer waiting/);
    draft(t.db, HANDLER, r.id, '已补发。');
    expect(() => review(t.db, REVIEWER, r.id, { approve: false })).toThrow(/Say why/);
    review(t.db, REVIEWER, r.id, { approve: false, note: '写明日期' });
    expect(getInquiry(t.db, r.id).status).toBe('assigned');
    expect(publicList(t.db).total).toBe(0); // nothing public before approval
    draft(t.db, HANDLER, r.id, '已于 3 月 5 日补发 **200 元**。');
    review(t.db, REVIEWER, r.id, { approve: true }, at('2025-03-05T02:00:00Z'));
    const it = getInquiry(t.db, r.id);
    expect(it.status).toBe('answered');
    expect(it.answeredDate).toBe('2025-03-05');
    expect(answersOf(t.db, r.id).map((a) => a.state)).toEqual(['returned', 'approved']);
    const { items, total } = publicList(t.db, '补发');
    expect(total).toBe(1);
    const published = JSON.stringify(items);
    expect(published).not.toContain('13900001111');
    expect(published).not.toContain('430524196501110327');
    expect(published).not.toContain('李四');
    expect(items[0]?.answer).toContain('3 月 5 日');
    expect(eventsOf(t.db, r.id).map((e) => e.action)).toEqual(['submitted', 'triaged', 'forwarded', 'drafted', 'returned', 'drafted', 'approved']);
    const hop = eventsOf(t.db, r.id).find((e) => e.action === 'forwarded');
    expect([hop?.fromDepartment, hop?.toDepartment, hop?.actorName]).toEqual(['102001', '101001', '登记员']);
  });

  it('lets the citizen reopen an answer that did not resolve it, and rate it', () => {
    const r = submitInquiry(t.db, sample());
    triage(t.db, REGISTRAR, r.id, { category: 'complaint', department: '101001' });
    draft(t.db, HANDLER, r.id, '答复');
    review(t.db, REVIEWER, r.id, { approve: true });
    expect(() => setRating(t.db, r.trackingNo, 'WRONG-CODE0', 5)).toThrow(/wrong/);
    setRating(t.db, r.trackingNo, r.code, 2);
    const reopened = setVerdict(t.db, r.trackingNo, r.code, 'unresolved');
    expect(reopened.status).toBe('assigned');
    expect(reopened.verdict).toBe('unresolved');
    expect(() => setVerdict(t.db, r.trackingNo, r.code, 'resolved')).toThrow(/once it has been answered/);
    const st = statistics(statItems(t.db), '2099-01-01');
    expect(st.total.answered).toBe(1); // the department answered; the citizen disagrees
    expect(st.total.unresolved).toBe(1);
  });

  it('extends a disclosure request once by 20 working days and reports its outcome', () => {
    const r = submitInquiry(t.db, sample({ category: 'disclosure', requester: 'business' }), at('2025-03-03T02:00:00Z'));
    expect(r.deadline).toBe('2025-03-31');
    triage(t.db, REGISTRAR, r.id, { category: 'disclosure', department: '101001', requester: 'business' });
    extend(t.db, HANDLER, r.id, null);
    expect(getInquiry(t.db, r.id).deadline).toBe('2025-04-28'); // 40 working days: Qingming skipped, Sunday 4-27 worked
    expect(() => extend(t.db, HANDLER, r.id, null)).toThrow(/Already extended/);
    draft(t.db, HANDLER, r.id, '予以公开，见附件。');
    expect(() => review(t.db, REVIEWER, r.id, { approve: true })).toThrow(/outcome/);
    review(t.db, REVIEWER, r.id, { approve: true, outcome: 'granted' }, at('2025-04-01T02:00:00Z'));
    const rep = annualReport(disclosureItems(t.db), 2025);
    expect(rep.outcomes.granted.business).toBe(1);
    expect(rep.balanced).toBe(true);
  });
});

describe('redaction', () => {
  it('masks ID numbers, phones, e-mail, bank cards and the filer’s name', () => {
    const out = redact('王小明 430524196501110327 13812345678 0739-5221234 a.b@example.com 6222021234567890123', '王小明');
    expect(out).toBe('王** 430524********0327 138****5678 0739-******** ***@*** ****************');
  });
});

describe('group commit', () => {
  it('files concurrent submissions in one transaction, failing a bad one alone', async () => {
    const { submitBatched } = await import('./batch.ts');
    const results = await Promise.allSettled([
      submitBatched(t.db, sample()),
      submitBatched(t.db, sample({ department: '999999' })),
      submitBatched(t.db, sample({ category: 'consult' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.trackingNo] : []));
    for (const n of numbers) expect(t.db.$client.prepare('SELECT count(*) FROM inquiries WHERE tracking_no = ?').pluck().get(n)).toBe(1);
    expect(t.db.$client.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(2);
    expect(t.db.$client.prepare('SELECT count(*) FROM inquiry_events').pluck().get()).toBe(2);
  });
});

describe('the handling slip', () => {
  it('is append-only: UPDATE and DELETE are refused', () => {
    submitInquiry(t.db, sample());
    expect(() => t.db.$client.prepare(`UPDATE inquiry_events SET note = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare('DELETE FROM inquiry_events').run()).toThrow(/append-only/);
    expect(t.db.$client.prepare('SELECT count(*) FROM inquiry_events').pluck().get()).toBe(1);
  });
});
