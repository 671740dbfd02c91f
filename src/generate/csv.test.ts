import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvWriter, grouped, quote, yuan, type KindSpec } from './csv.ts';
import { dayOf } from './dates.ts';

const SPEC: KindSpec = {
  kind: 'test',
  title: '测试表',
  columns: [
    { header: '名称', type: 'text' },
    { header: '金额(元)', type: 'amount', messyHeader: '金额（元）' },
    { header: '日期', type: 'date' },
  ],
};

describe('CSV writer', () => {
  it('formats 分 as 元 exactly, with and without thousands separators', () => {
    expect(yuan(123456)).toBe('1234.56');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(100)).toBe('1.00');
    expect(grouped(123456789)).toBe('1,234,567.89');
    expect(grouped(99)).toBe('0.99');
  });

  it('quotes only fields that need it', () => {
    expect(quote('王小明')).toBe('王小明');
    expect(quote('甲,乙')).toBe('"甲,乙"');
    expect(quote('他说"好"')).toBe('"他说""好"""');
  });

  it('writes a clean file as LF UTF-8 without BOM, and tallies rows and 分', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gk-csv-')), 'a.csv');
    const w = new CsvWriter(file, SPEC, { encoding: 'utf8', messy: false, seed: 1 });
    w.row(['甲', 123456, dayOf(2025, 3, 4)]);
    w.row(['乙,丙', 1, null]);
    expect(w.close()).toEqual({ rows: 2, amountFen: 123457, bytes: readFileSync(file).length });
    expect(readFileSync(file, 'utf8')).toBe('名称,金额(元),日期\n甲,1234.56,2025-03-04\n"乙,丙",0.01,\n');
  });

  it('writes a messy file with BOM, title row, full-width header and CRLF', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gk-csv-')), 'a.csv');
    const w = new CsvWriter(file, SPEC, { encoding: 'utf8', messy: true, seed: 1 });
    for (let i = 0; i < 50; i++) w.row(['甲', 123456, dayOf(2025, 3, 4)]);
    w.close();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF测试表,,\r\n名称,金额（元）,日期\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(2);
    expect(rows).toHaveLength(50);
    const amounts = new Set(rows.map((r) => r[1]));
    expect(amounts).toContain('1,234.56');
    expect(amounts).toContain('¥1,234.56');
    expect([...amounts].every((a) => ['1234.56', '1,234.56', '¥1,234.56', '1234.56元'].includes(a ?? ''))).toBe(true);
    const dates = new Set(rows.map((r) => r[2]));
    expect(dates).toContain('2025年3月4日');
    expect([...dates].every((d) => ['2025-03-04', '2025/3/4', '2025年3月4日', '20250304', '2025/3/4 0:00'].includes(d ?? ''))).toBe(true);
  });
});
