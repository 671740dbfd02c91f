// The small county end to end: what `./gongkai start` loads and the other tests use.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCounty, readCsv } from './check-county.ts';
import { yuan } from './csv.ts';
import { expectedTotals, generateCounty, writeDisbursementRows, type Manifest } from './generate.ts';
import { KINDS } from './kinds.ts';
import { RARE_CHARS, SPECIAL_SURNAMES } from './names.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'gk-gen-'));
const SAMPLE = join(import.meta.dirname, '../../data/sample');
const files = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();

let dir: string;
let manifest: Manifest;
beforeAll(() => {
  dir = tmp();
  manifest = generateCounty({ scale: 'small', out: dir, seed: 1 });
});

describe('the small county', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const again = tmp();
    generateCounty({ scale: 'small', out: again, seed: 1 });
    for (const f of files(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    const other = tmp();
    generateCounty({ scale: 'small', out: other, seed: 2 });
    expect(readFileSync(join(other, 'disbursements.csv')).equals(readFileSync(join(dir, 'disbursements.csv')))).toBe(false);
  });

  it('is what data/sample holds (regenerate it when the generator changes)', () => {
    expect(files(SAMPLE)).toEqual(KINDS.map((k) => `${k.kind}.csv`).sort());
    for (const f of files(SAMPLE)) expect(readFileSync(join(SAMPLE, f), 'utf8'), f).toBe(readFileSync(join(dir, f), 'utf8'));
  });

  it('has the documented size', () => {
    const t = manifest.totals;
    expect(t.areas.rows).toBeGreaterThanOrEqual(8);
    expect(t.areas.rows).toBeLessThanOrEqual(10);
    expect(t.funds.rows).toBe(6);
    expect(t.disbursements.rows).toBeGreaterThan(1200);
    expect(t.disbursements.rows).toBeLessThan(1800);
    expect(manifest.households).toBeGreaterThan(250);
    expect(manifest.households).toBeLessThan(400);
    expect(t.projects.rows).toBe(12);
    expect(t.institutions.rows).toBe(12);
    expect(t.staff.rows).toBe(120);
    expect(new Set(readCsv(join(dir, 'budget-lines.csv')).map((r) => `${r['预算单位编码']}/${r['年度']}`)).size).toBe(8);
  });

  it('keeps every rule of docs/data-formats.md (references, ID numbers, dates, duplicates, budget totals)', () => {
    expect(checkCounty(dir)).toEqual([]);
  });

  it('reports totals that match the files, and expectedTotals predicts them without writing', () => {
    for (const k of KINDS) {
      const rows = readCsv(join(dir, `${k.kind}.csv`));
      expect(rows.length, k.kind).toBe(manifest.totals[k.kind].rows);
      if (manifest.totals[k.kind].amountFen !== null) {
        const fen = rows.reduce((s, r) => s + Math.round(Number(r['金额(元)']) * 100), 0);
        expect(fen, k.kind).toBe(manifest.totals[k.kind].amountFen);
      }
    }
    const expected = expectedTotals({ scale: 'small', seed: 1 });
    for (const k of KINDS) expect(expected[k.kind]).toEqual({ rows: manifest.totals[k.kind].rows, amountFen: manifest.totals[k.kind].amountFen });
  });
});

describe('people in the small county', () => {
  const payments = () => readCsv(join(dir, 'disbursements.csv'));

  it('has namesakes in one village with different ID numbers, paid by the same fund', () => {
    const byName = new Map<string, Set<string>>();
    for (const r of payments()) {
      const key = `${r['资金编码']}|${r['村']}|${r['姓名']}`;
      byName.set(key, (byName.get(key) ?? new Set()).add(r['身份证号'] ?? ''));
    }
    const namesakes = [...byName.values()].filter((ids) => ids.size > 1);
    expect(namesakes.length).toBeGreaterThanOrEqual(3);
  });

  it('includes compound surnames, surnames with special readings and characters beyond U+9FA5', () => {
    const names = new Set([...payments().map((r) => r['姓名'] ?? ''), ...readCsv(join(dir, 'staff.csv')).map((r) => r['姓名'] ?? '')]);
    for (const s of SPECIAL_SURNAMES) expect([...names].some((n) => n.startsWith(s)), s).toBe(true);
    const rare = [...names].filter((n) => [...n].some((c) => (c.codePointAt(0) ?? 0) < 0x4e00 || (c.codePointAt(0) ?? 0) > 0x9fa5));
    expect(new Set(rare.map((n) => [...n].find((c) => RARE_CHARS.includes(c)))).size).toBe(RARE_CHARS.length);
    for (const n of names) expect([...n].length).toBeGreaterThanOrEqual(2);
  });

  it('pays monthly funds on twelve different dates, and pays members other than the head', () => {
    const low = payments().filter((r) => r['资金编码'] === 'ZX2025-03');
    const byPerson = new Map<string, Set<string>>();
    for (const r of low) byPerson.set(r['身份证号'] ?? '', (byPerson.get(r['身份证号'] ?? '') ?? new Set()).add(r['发放日期'] ?? ''));
    expect(byPerson.size).toBeGreaterThan(5);
    for (const dates of byPerson.values()) expect(dates.size).toBe(12);
    // Pensions go to each old person: some households have two pensioners.
    const pension = new Map<string, Set<string>>();
    for (const r of payments().filter((x) => x['资金编码'] === 'ZX2025-02')) {
      const hh = `${r['村']}/${r['户号']}`;
      pension.set(hh, (pension.get(hh) ?? new Set()).add(r['身份证号'] ?? ''));
    }
    expect([...pension.values()].some((ids) => ids.size > 1)).toBe(true);
  });

  it('gives farmers birth dates mostly between 1940 and 1995', () => {
    const ids = new Set(payments().map((r) => r['身份证号'] ?? ''));
    const years = [...ids].map((id) => Number(id.slice(6, 10)));
    const inRange = years.filter((y) => y >= 1940 && y <= 1995).length;
    expect(inRange / years.length).toBeGreaterThan(0.8);
  });
});

describe('messy and GB18030 output', () => {
  const normalise = (kind: string, text: string): string[][] => {
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data.slice(1); // title row
    const spec = KINDS.find((k) => k.kind === kind);
    if (!spec) throw new Error(kind);
    const back = (col: (typeof spec.columns)[number], v: string): string => {
      if (v === '') return v;
      if (col.type === 'amount') return yuan(Math.round(Number(v.replace(/[¥,元]/g, '')) * 100));
      if (col.type === 'date') {
        const m = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})/.exec(v.replace(/ 0:00$/, ''));
        return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : v;
      }
      const alt = Object.entries(col.messyValues ?? {}).find(([, a]) => a === v);
      return alt ? alt[0] : v;
    };
    return rows.map((r, i) => (i === 0 ? spec.columns.map((c) => c.header) : r.map((v, j) => back(spec.columns[j] as (typeof spec.columns)[number], v))));
  };

  it('carries exactly the clean data, only formatted the way Excel exports look', () => {
    const messy = tmp();
    const m = generateCounty({ scale: 'small', out: messy, seed: 1, messy: true });
    for (const k of KINDS) {
      const raw = readFileSync(join(messy, `${k.kind}.csv`), 'utf8');
      expect(raw.startsWith('\uFEFF')).toBe(true);
      expect(raw).toContain('\r\n');
      const clean = Papa.parse<string[]>(readFileSync(join(dir, `${k.kind}.csv`), 'utf8'), { skipEmptyLines: true }).data;
      expect(normalise(k.kind, raw), k.kind).toEqual(clean);
      expect(m.totals[k.kind].amountFen).toBe(manifest.totals[k.kind].amountFen);
    }
    const payments = readFileSync(join(messy, 'disbursements.csv'), 'utf8');
    for (const shape of ['"¥', '年', '/', '金额（元）']) expect(payments).toContain(shape);
  });

  it('writes GB18030 that decodes to the same text', () => {
    const gb = tmp();
    generateCounty({ scale: 'small', out: gb, seed: 1, encoding: 'gb18030' });
    for (const f of files(dir)) {
      const bytes = readFileSync(join(gb, f));
      expect(bytes.equals(readFileSync(join(dir, f))), `${f} should not be UTF-8`).toBe(false);
      expect(new TextDecoder('gb18030').decode(bytes), f).toBe(readFileSync(join(dir, f), 'utf8'));
    }
  });
});

describe('writeDisbursementRows (the import benchmark input)', () => {
  it('writes exactly the rows asked for, with the areas and funds they refer to', () => {
    for (const rows of [7, 20_000]) {
      const out = tmp();
      const r = writeDisbursementRows(join(out, 'disbursements.csv'), { rows, seed: 3 });
      expect(r.rows).toBe(rows);
      expect(readCsv(r.files.disbursements)).toHaveLength(rows);
      expect(checkCounty(out, ['areas', 'funds', 'disbursements'])).toEqual([]);
    }
  });

  it('spreads approval-to-payment delays like the seed county (76.44% ≤3 days, 10.34% 4–10, 12.22% more)', () => {
    const out = tmp();
    const r = writeDisbursementRows(join(out, 'disbursements.csv'), { rows: 60_000, seed: 5 });
    const buckets = [0, 0, 0];
    for (const row of readCsv(r.files.disbursements)) {
      const days = (Date.parse(row['发放日期'] ?? '') - Date.parse(row['审批日期'] ?? '')) / 86_400_000;
      buckets[days <= 3 ? 0 : days <= 10 ? 1 : 2]! += 1;
    }
    const [fast, mid, slow] = buckets.map((b) => (b / r.rows) * 100) as [number, number, number];
    expect(Math.abs(fast - 76.44)).toBeLessThan(1.5);
    expect(Math.abs(mid - 10.34)).toBeLessThan(1);
    expect(Math.abs(slow - 12.22)).toBeLessThan(1);
  });
});
