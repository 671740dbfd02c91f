// Publishing the sample county into the ledger, against real SQLite with the migrations:
// every published record appended once, silent edits refused and named, corrections and
// withdrawals appended as superseding versions, pages mapped to their entries, and the
// written log verified — and caught when one byte of a tile or bundle changes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ID_KEY, tempDb, type TempDb } from '../db/testing.ts';
import { importFiles } from '../import/run.ts';
import { sampleFiles } from '../publish/sample.ts';
import { fromUtf8 } from './bytes.ts';
import { parseVerifierKey } from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';
import { pageLedger } from './page.ts';
import { appendPublished, correctRecords, diffLedger } from './publish.ts';
import { decodeRecordEntry } from './record.ts';
import { writeLedgerSite } from './site.ts';
import { LedgerError, ledgerSize, readEntry, recordHistory } from './store.ts';
import { VerifyError, verifyLog, verifyRecord } from './verify.ts';
import { openLogSource } from './source.node.ts';

const ORIGIN = 'sample.example/ledger';
const key = generateKey(ORIGIN);
const signer = parseSignerKey(key.skey);
const verifier = parseVerifierKey(key.vkey);
let t: TempDb;
const out = mkdtempSync(join(tmpdir(), 'gongkai-ledger-publish-'));
const count = (sql: string): number => (t.db.$client.prepare(sql).pluck().get() as number);

beforeAll(async () => {
  t = tempDb();
  const result = await importFiles(t.db, sampleFiles(), { user: 'test', idKey: TEST_ID_KEY });
  expect(result.ok).toBe(true);
});
afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('publishing the sample county', () => {
  it('appends every published record once, with no full ID number in any entry', () => {
    const expected = ['funds', 'projects', 'disbursements', 'budget_lines', 'institutions', 'staff'].reduce((n, tb) => n + count(`SELECT count(*) FROM ${tb}`), 0);
    const first = appendPublished(t.db);
    expect(first.appended).toBe(expected);
    expect(count("SELECT count(*) FROM ledger_records WHERE kind = 'disbursement'")).toBe(count('SELECT count(*) FROM disbursements'));
    expect(appendPublished(t.db).appended).toBe(0);
    const entries = t.db.$client.prepare('SELECT entry FROM ledger_entries').pluck().all() as Uint8Array[];
    const text = entries.map((e) => fromUtf8(e)).join('\n');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    // A payment's entry carries what its village page shows.
    const rec = decodeRecordEntry(entries[count("SELECT idx FROM ledger_records WHERE kind = 'disbursement' LIMIT 1")]!)!;
    expect(Object.keys(rec.fields).sort()).toEqual(['amount_fen', 'approved_on', 'channel', 'fund', 'household_no', 'id_masked', 'name', 'paid_on', 'village']);
    expect(String(rec.fields.id_masked)).toMatch(/\*{8}/);
  });

  it('writes a log that verify accepts, and maps pages to their entries', async () => {
    await writeLedgerSite(t.db, out, signer, ORIGIN);
    const { read } = await openLogSource(out);
    const report = await verifyLog(read, { key: verifier, origin: ORIGIN });
    expect(report.checkpoint.size).toBe(ledgerSize(t.db));

    const fund = pageLedger(t.db, 'fund:ZX2025-01')!;
    expect(fund.versions).toHaveLength(1);
    const proved = await verifyRecord(read, fund.versions![0]!.idx, verifier);
    expect(proved.record).toMatchObject({ kind: 'fund', id: 'ZX2025-01' });

    const unit = pageLedger(t.db, 'budget-unit:101001')!;
    expect(unit.indexes).toHaveLength(count("SELECT count(*) FROM budget_lines b JOIN budget_units u ON u.id = b.unit_id WHERE u.code = '101001'"));

    const village = pageLedger(t.db, 'village:430524101001')!;
    const runs = village.runs!.split(';').map((r) => r.split(',').map(Number));
    const covered = runs.reduce((n, r) => n + r[2]!, 0);
    expect(covered).toBe(count("SELECT count(*) FROM disbursements d JOIN villages v ON v.id = d.village_id WHERE v.code = '430524101001'"));
    // Every run maps payment ids to entries of those very payments.
    for (const [pid, idx, len] of runs) {
      for (const k of [0, len! - 1]) expect(decodeRecordEntry(readEntry(t.db, idx! + k)!.entry)).toMatchObject({ kind: 'disbursement', id: pid! + k });
    }
    expect(pageLedger(t.db, 'fund:NO-SUCH')).toBeNull();
  });

  it('refuses a silent edit of a published record, naming it; a correction supersedes it', async () => {
    const pid = count('SELECT min(id) FROM disbursements');
    const before = ledgerSize(t.db);
    t.db.$client.prepare('UPDATE disbursements SET amount_fen = amount_fen + 100 WHERE id = ?').run(pid);
    expect(() => appendPublished(t.db)).toThrow(LedgerError);
    expect(() => appendPublished(t.db)).toThrow(new RegExp(`disbursement:${pid} \\(ledger entry \\d+\\): amount_fen \\d+ → \\d+`));
    expect(ledgerSize(t.db)).toBe(before); // nothing appended
    expect(() => correctRecords(t.db, ['disbursement:999999999'])).toThrow(/no pending change/);

    const [c] = correctRecords(t.db, [`disbursement:${pid}`]);
    expect(c).toMatchObject({ kind: 'disbursement', id: pid, version: 2, idx: before });
    const history = recordHistory(t.db, c!.idx);
    expect(history.map((h) => h.record.version)).toEqual([2, 1]);
    expect(Number(history[0]!.record.fields.amount_fen) - Number(history[1]!.record.fields.amount_fen)).toBe(100);
    expect(diffLedger(t.db).drift).toEqual([]);
    expect(appendPublished(t.db).appended).toBe(0);

    // The village page now maps the payment to its new version.
    const runs = pageLedger(t.db, `village:${count(`SELECT v.code FROM villages v JOIN disbursements d ON d.village_id = v.id WHERE d.id = ${pid}`)}`)!.runs!;
    expect(runs.split(';').some((r) => r === `${pid},${c!.idx},1`)).toBe(true);
  });

  it('a fund corrected twice shows its versions; a withdrawn record gets a withdrawal entry', () => {
    t.db.$client.prepare("UPDATE funds SET office = office || '（更正）' WHERE code = 'ZX2025-02'").run();
    correctRecords(t.db);
    const versions = pageLedger(t.db, 'fund:ZX2025-02')!.versions!;
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(readEntry(t.db, versions[1]!.idx)).toBeDefined();

    const sid = count('SELECT max(id) FROM staff');
    t.db.$client.prepare('DELETE FROM staff WHERE id = ?').run(sid);
    expect(() => appendPublished(t.db)).toThrow(new RegExp(`staff:${sid} \\(ledger entry \\d+\\) is no longer published`));
    const [w] = correctRecords(t.db, [`staff:${sid}`]);
    expect(decodeRecordEntry(readEntry(t.db, w!.idx)!.entry)!.fields).toEqual({ withdrawn: true });
    expect(diffLedger(t.db).drift).toEqual([]);
  });

  it('the ledger tables refuse UPDATE and DELETE', () => {
    expect(() => t.db.$client.prepare('UPDATE ledger_records SET idx = idx + 1').run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare('DELETE FROM ledger_records').run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare("INSERT INTO ledger_records (kind, record_id, version, idx) VALUES ('fund', 'ZX2025-01', 5, 0)").run()).toThrow();
  });

  it('verify names one changed byte of a tile or of an entry bundle; consistency with the earlier checkpoint holds', async () => {
    await writeLedgerSite(t.db, out, signer, ORIGIN); // second checkpoint, after the corrections
    const { read } = await openLogSource(out);
    const ok = await verifyLog(read, { key: verifier });
    expect(ok.consistentWith.length).toBeGreaterThanOrEqual(1);

    const flip = async (rel: string, at: number): Promise<VerifyError> => {
      const path = join(out, 'ledger', rel);
      const orig = readFileSync(path);
      const bad = Buffer.from(orig);
      bad[at] = bad[at]! ^ 1;
      writeFileSync(path, bad);
      try {
        await verifyLog(read, { key: verifier });
        throw new Error('verify accepted a tampered file');
      } catch (err) {
        return err as VerifyError;
      } finally {
        writeFileSync(path, orig);
      }
    };
    const tileErr = await flip('tile/0/000', 5 * 32 + 7);
    expect(tileErr).toBeInstanceOf(VerifyError);
    expect(tileErr.message).toMatch(/tile\/0\/000/);
    const bundleErr = await flip('tile/entries/000', 40);
    expect(bundleErr).toBeInstanceOf(VerifyError);
    expect(bundleErr.message).toMatch(/entry 0\b|tile\/entries\/000/);
  });
});
