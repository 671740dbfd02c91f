// The publish step's search files from a real SQLite file with the migrations applied and
// the sample county loaded: every published payment lands in its village's store exactly
// once (with its disbursement id and amount), nothing of an unpublished batch does, full
// names appear only for all-全名 households, and the privacy scan finds nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ID_KEY, tempDb, type TempDb } from '../db/testing.ts';
import { importFiles } from '../import/run.ts';
import { sampleFiles } from '../publish/sample.ts';
import { scanForPrivacyLeaks } from './privacy-scan.ts';
import { buildKioskWorker, buildSearchFiles } from './publish.ts';
import { privateNamesFromDb } from './sources.ts';
import type { LocatorFile, VillageIndexFile, VillageStoreFile } from './types.ts';

let t: TempDb;
let out: string;

beforeAll(async () => {
  t = tempDb();
  const result = await importFiles(t.db, sampleFiles(), { user: 'test', idKey: TEST_ID_KEY });
  expect(result.ok).toBe(true);
  out = mkdtempSync(join(tmpdir(), 'gongkai-search-'));
});
afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const q = () => t.db.$client;
const json = <T>(path: string): T => JSON.parse(readFileSync(join(out, 'client', 'search', path), 'utf8')) as T;

describe('buildSearchFiles (the publish step)', () => {
  it('puts every published payment in its village store once, with id, amount and date', async () => {
    const report = await buildSearchFiles(t.db, out);
    const villages = q().prepare('SELECT code FROM villages ORDER BY code').pluck().all() as string[];
    expect(report.villages).toBe(villages.length);
    const seen = new Map<number, [number, string]>();
    for (const code of villages) {
      const store = json<VillageStoreFile>(`villages/${code}.store.json`);
      for (const list of store.payments) for (const [, amount, paidOn, , id] of list) {
        expect(seen.has(id)).toBe(false);
        seen.set(id, [amount, paidOn]);
      }
    }
    const rows = q().prepare('SELECT id, amount_fen, paid_on FROM disbursements').raw().all() as [number, number, string][];
    expect(seen.size).toBe(rows.length);
    for (const [id, amount, paidOn] of rows) expect(seen.get(id)).toEqual([amount, paidOn]);
    const locator = json<LocatorFile>('locator.json');
    expect(locator.townships.flatMap((tw) => tw[3].map((v) => v[0])).sort()).toEqual(villages);
  });

  it('shows a full name only when all of the household’s payments come from 全名 funds', () => {
    const shownFull = new Set<string>();
    for (const code of q().prepare('SELECT code FROM villages').pluck().all() as string[]) {
      for (const [name] of json<VillageIndexFile>(`villages/${code}.idx.json`).rows) if (!name.includes('*')) shownFull.add(`${code}|${name}`);
    }
    const allFull = q()
      .prepare(
        `SELECT v.code || '|' || rn.full_name FROM recipients r JOIN recipient_names rn ON rn.recipient_id = r.id JOIN villages v ON v.id = r.village_id
          WHERE NOT EXISTS (SELECT 1 FROM disbursements d JOIN funds f ON f.id = d.fund_id WHERE d.recipient_id = r.id AND f.name_display <> 'full')
            AND EXISTS (SELECT 1 FROM disbursements d WHERE d.recipient_id = r.id)`,
      )
      .pluck()
      .all() as string[];
    expect(allFull.length).toBeGreaterThan(0);
    expect([...shownFull].sort()).toEqual([...new Set(allFull)].sort());
  });

  it('leaves nothing private in any file', async () => {
    const dir = join(out, 'client', 'search');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.json(\.gz)?$/.test(f)).map((f) => join(dir, f));
    const names = privateNamesFromDb(t.db);
    expect(names.length).toBeGreaterThan(100);
    expect(await scanForPrivacyLeaks(files, names)).toEqual([]);
  });

  it('leaves out the payments of a batch that is not published', async () => {
    const batch = q().prepare('SELECT batch_id FROM disbursements LIMIT 1').pluck().get() as number;
    const n = q().prepare('SELECT count(*) FROM disbursements WHERE batch_id = ?').pluck().get(batch) as number;
    q().prepare(`UPDATE import_batches SET status = 'pending' WHERE id = ?`).run(batch);
    try {
      const again = mkdtempSync(join(tmpdir(), 'gongkai-search-'));
      const report = await buildSearchFiles(t.db, again);
      expect(n).toBeGreaterThan(0);
      expect(report.documents).toBe(0);
      rmSync(again, { recursive: true, force: true });
    } finally {
      q().prepare(`UPDATE import_batches SET status = 'published' WHERE id = ?`).run(batch);
    }
  });

  it('bundles the kiosk service worker with the build id in its cache name', async () => {
    const bytes = await buildKioskWorker(out, '20260101T000000');
    const sw = readFileSync(join(out, 'client', 'kiosk', 'sw.js'), 'utf8');
    expect(bytes).toBeGreaterThan(200);
    expect(sw).toContain('gongkai-kiosk-');
    expect(sw).toContain('20260101T000000');
  });
});
