// The open-data files against the database they come from (sample county, real SQLite).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ID_KEY, tempDb, type TempDb } from '../db/testing.ts';
import { importFiles } from '../import/run.ts';
import { sampleFiles } from '../publish/sample.ts';
import { writeDownloads } from './downloads.ts';

let t: TempDb;
let out: string;

beforeAll(async () => {
  t = tempDb();
  expect((await importFiles(t.db, sampleFiles(), { user: 'test', idKey: TEST_ID_KEY })).ok).toBe(true);
  out = mkdtempSync(join(tmpdir(), 'gongkai-downloads-'));
  writeDownloads(t.db, out, 'http://localhost:4321');
});
afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const csv = (rel: string) => {
  const bytes = readFileSync(join(out, rel));
  expect([...bytes.subarray(0, 3)], `${rel} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};
const one = (sql: string) => t.db.$client.prepare(sql).pluck().get() as number;

describe('open-data files', () => {
  it('hold every payment once across the village files, CSV and JSON alike, amounts exact', () => {
    let rows = 0;
    let fen = 0;
    let jsonPayments = 0;
    for (const f of readdirSync(join(out, 'disbursements'))) {
      if (f.endsWith('.csv')) {
        const data = csv(join('disbursements', f));
        expect(data[0]).toContain('身份证号');
        for (const r of data.slice(1)) {
          rows++;
          // 金额(元) is the 8th column, two decimals: sum it in 分 without floats.
          const [yuan, cents] = (r[7] ?? '').split('.');
          fen += Number(yuan) * 100 + Number(cents);
          expect(r[4]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
        }
      } else if (f.endsWith('.json')) {
        const j = JSON.parse(readFileSync(join(out, 'disbursements', f), 'utf8')) as { recipients: { payments: unknown[] }[] };
        for (const r of j.recipients) jsonPayments += r.payments.length;
      }
    }
    expect(rows).toBe(one('SELECT count(*) FROM disbursements'));
    expect(jsonPayments).toBe(rows);
    expect(fen).toBe(one('SELECT sum(amount_fen) FROM disbursements'));
  });

  it('lists every resource file in datapackage.json, with a gzip twin for the large ones', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string | string[]; schema: { fields: { name: string }[] } }[] };
    expect(pkg.resources.length).toBeGreaterThanOrEqual(9);
    for (const r of pkg.resources) {
      for (const p of Array.isArray(r.path) ? r.path : [r.path]) {
        expect(existsSync(join(out, p)), p).toBe(true);
        expect(csv(p)[0]).toEqual(r.schema.fields.map((f) => f.name));
      }
    }
    expect(existsSync(join(out, 'funds.csv.gz'))).toBe(true);
  });

  it('JSON tables carry the same rows as their CSV', () => {
    const rows = csv('projects.csv').length - 1;
    const json = JSON.parse(readFileSync(join(out, 'projects.json'), 'utf8')) as { fields: string[]; rows: unknown[][] };
    expect(json.rows.length).toBe(rows);
    expect(json.fields).toContain('amount_fen');
  });
});
