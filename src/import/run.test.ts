// The importer against a real SQLite file with the committed migrations applied.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ID_KEY, tempDb, type TempDb } from '../db/testing.ts';
import { messageEn, messageZh } from './errors.ts';
import { writeReport } from './report.ts';
import { detectKind, importFiles, type ImportFile } from './run.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const county: ImportFile[] = [
  { path: join(FIXTURES, 'county/funds.csv') },
  { path: join(FIXTURES, 'county/areas.csv') },
];

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => {
  // Imports skip per-row foreign-key enforcement: prove every reference they wrote holds.
  if (t.db.$client.open) expect(t.db.$client.pragma('foreign_key_check')).toEqual([]);
  t.cleanup();
});

const run = (files: ImportFile[], bulk?: boolean) =>
  importFiles(t.db, files, { user: 'test', idKey: TEST_ID_KEY, ...(bulk === undefined ? {} : { bulk }) });
// Large files load with their indexes dropped and rebuilt; both ways must find the same problems.
const MODES = [
  ['row by row', false],
  ['bulk', true],
] as const;
const all = (sql: string) => t.db.$client.prepare(sql).all() as Record<string, unknown>[];
const one = (sql: string) => t.db.$client.prepare(sql).pluck().get();

/** The database file's bytes after a checkpoint: what "unchanged" means. */
function fingerprint(): string {
  t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(t.path)).digest('hex');
}

describe('a clean county', () => {
  it('loads files in dependency order whatever order they are given in', async () => {
    const r = await run(county);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(one('SELECT count(*) FROM villages')).toBe(3);
    expect(one("SELECT kind FROM villages WHERE name = '东门社区'")).toBe('社区');
    expect(one("SELECT kind FROM villages WHERE name = '石门村'")).toBe('村');
    expect(one("SELECT name_display FROM funds WHERE code = 'ZX2025-02'")).toBe('full');
    expect(one("SELECT name_display FROM funds WHERE code = 'ZX2025-01'")).toBe('masked');
  });

  it('reads a messy GB18030 Excel export: title row, CRLF, ¥ and thousands separators, mixed dates, quoted newline, totals row', async () => {
    await run(county);
    const r = await run([{ path: join(FIXTURES, 'disbursements-gb18030.csv') }]);
    expect(r.issues).toEqual([]);
    expect(r.files[0]).toMatchObject({ kind: 'disbursements', encoding: 'gb18030', rows: 4, totalFen: 287806 });
    expect(r.files[0]!.notices.join('\n')).toMatch(/银行账号.*从不保存/);
    expect(r.files[0]!.notices.join('\n')).toMatch(/合计行/);
    expect(all('SELECT amount_fen, approved_on, paid_on, channel FROM disbursements ORDER BY source_row')).toEqual([
      { amount_fen: 123456, approved_on: '2025-03-02', paid_on: '2025-03-04', channel: '惠农一卡通' },
      { amount_fen: 50000, approved_on: '2025-03-02', paid_on: '2025-03-03', channel: '惠农一卡通' },
      { amount_fen: 100050, approved_on: '2025-03-01', paid_on: '2025-03-20', channel: '惠农 一卡通' },
      { amount_fen: 14300, approved_on: '2025-01-05', paid_on: '2025-01-06', channel: '社保卡' },
    ]);
    // Row numbers are the spreadsheet's: title row 1, header row 2, data from row 3.
    expect(all('SELECT source_row FROM disbursements ORDER BY id').map((r) => r.source_row)).toEqual([3, 4, 5, 6]);
  });

  it('keeps rare name characters whole and masks names and IDs for the public tables', async () => {
    await run(county);
    await run([{ path: join(FIXTURES, 'disbursements-gb18030.csv') }]);
    expect(all('SELECT name_masked, id_masked FROM recipients ORDER BY id')).toEqual([
      { name_masked: '王*明', id_masked: '430524********1232' },
      { name_masked: '李*', id_masked: '430524********4560' },
      { name_masked: '欧**文', id_masked: '430524********0027' },
      { name_masked: '曾*', id_masked: '430524********1234' },
    ]);
    expect(one('SELECT full_name FROM recipient_names WHERE recipient_id = 4')).toBe('曾䶮');
  });

  it('never stores a full ID number or a bank account number anywhere in the database file', async () => {
    await run(county);
    await run([{ path: join(FIXTURES, 'disbursements-gb18030.csv') }]);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(t.path).toString('latin1');
    expect(bytes).not.toContain('430524196803121232');
    expect(bytes).not.toContain('6222020000000001');
  });

  it('reads UTF-16 tab-separated "Unicode text" exports', async () => {
    await run(county);
    const r = await run([{ path: join(FIXTURES, 'disbursements-utf16.txt'), kind: 'disbursements' }]);
    expect(r.issues).toEqual([]);
    expect(r.files[0]).toMatchObject({ encoding: 'utf-16le', rows: 1, totalFen: 8880 });
  });

  it('recognises a file kind from its header row when the name says nothing', () => {
    expect(detectKind(join(FIXTURES, 'disbursements-utf16.txt'), 'export.txt')).toBe('disbursements');
    expect(detectKind(join(FIXTURES, 'county/areas.csv'), '区划.csv')).toBe('areas');
  });
});

describe('bad input: every problem reported, nothing loaded', () => {
  it.each(MODES)('reports each bad row with row, column, value and reason, and leaves the database byte-for-byte unchanged (%s)', async (_, bulk) => {
    await run(county);
    const before = fingerprint();
    const r = await run([{ path: join(FIXTURES, 'disbursements-bad.csv') }], bulk);
    expect(r.ok).toBe(false);
    const got = r.issues.map((i) => [i.row, i.column, i.code]);
    expect(got).toEqual([
      [2, '金额(元)', 'amount.precision'],
      [3, '身份证号', 'id.check_digit'],
      [4, '身份证号', 'id.scientific'],
      [5, '审批日期', 'date.invalid'],
      [6, '资金编码', 'ref.fund'],
      [7, '村', 'ref.village'],
      [8, '金额(元)', 'amount.negative'],
      [9, '发放日期', 'dates.order'],
      [11, '金额(元)', 'disbursement.duplicate'],
      [13, '资金编码', 'ref.fund_kind'],
      [14, '资金编码', 'code.format'],
      [15, '资金编码', 'required'],
    ]);
    expect(r.issues.find((i) => i.row === 11)!.params).toMatchObject({ row: 10 });
    expect(fingerprint()).toBe(before);
    expect(one('SELECT count(*) FROM import_batches')).toBe(2);
  });

  it('masks ID numbers in error reports and explains in Chinese and English', async () => {
    await run(county);
    const r = await run([{ path: join(FIXTURES, 'disbursements-bad.csv') }]);
    const id = r.issues.find((i) => i.code === 'id.check_digit')!;
    expect(id.value).toBe('430524********1230');
    expect(messageZh(id)).toContain('校验位');
    expect(messageEn(id)).toContain('check digit');
    const report = join(t.dir, 'report.csv');
    writeReport(report, r);
    const text = readFileSync(report, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).not.toMatch(/430524196803121230/);
    // A formula typed into a cell comes back neutralised, never as a live formula.
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('refuses a file imported before, and the same file twice in one load', async () => {
    await run(county);
    const again = await run([county[1]!]);
    expect(again.ok).toBe(false);
    expect(again.issues[0]).toMatchObject({ code: 'file.duplicate', params: { batch: 1 } });
    const dir = join(t.dir, 'twice');
    mkdirSync(dir);
    copyFileSync(join(FIXTURES, 'disbursements-utf16.txt'), join(dir, 'a.txt'));
    copyFileSync(join(FIXTURES, 'disbursements-utf16.txt'), join(dir, 'b.txt'));
    const twice = await run([{ path: join(dir, 'a.txt'), kind: 'disbursements' }, { path: join(dir, 'b.txt'), kind: 'disbursements' }]);
    expect(twice.issues.map((i) => i.code)).toEqual(['file.duplicate']);
  });

  it.each(MODES)('refuses a payment already published in an earlier batch, and takes a marked repeat (%s)', async (_, bulk) => {
    await run(county);
    await run([{ path: join(FIXTURES, 'disbursements-gb18030.csv') }]);
    const same = join(t.dir, 'again.csv');
    const header = '资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期,重复发放\n';
    const row = 'ZX2025-01,城关镇,和平村,0012,王小明,430524196803121232,1234.56,2025-03-02,2025-03-04';
    writeFileSync(same, `${header}${row},\n`);
    const r = await run([{ path: same }], bulk);
    expect(r.issues.map((i) => [i.row, i.code, i.params?.batch])).toEqual([[2, 'disbursement.duplicate_published', 3]]);
    writeFileSync(same, `${header}${row},是\n${row},是\n`);
    const marked = await run([{ path: same }], bulk);
    expect(marked.issues).toEqual([]);
    expect(one('SELECT count(*) FROM disbursements WHERE recipient_id = 1')).toBe(3);
    expect(one("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'disbursements'")).toBe(3);
  });

  it('refuses one ID number under two names or in two villages', async () => {
    await run(county);
    const f = join(t.dir, 'names.csv');
    writeFileSync(
      f,
      '资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n' +
        'ZX2025-01,城关镇,和平村,1,王小明,430524196803121232,10,2025-03-02,2025-03-04\n' +
        'ZX2025-01,城关镇,和平村,1,王晓明,430524196803121232,20,2025-03-02,2025-03-04\n' +
        'ZX2025-01,城关镇,东门社区,1,王小明,430524196803121232,30,2025-03-02,2025-03-04\n',
    );
    const r = await run([{ path: f }]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'person.name_mismatch'],
      [4, 'person.village_mismatch'],
    ]);
  });

  it('checks a totals row against the rows above it', async () => {
    await run(county);
    const f = join(t.dir, 'total.csv');
    writeFileSync(
      f,
      '资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n' +
        'ZX2025-01,城关镇,和平村,1,王小明,430524196803121232,10.00,2025-03-02,2025-03-04\n' +
        '合计,,,,,,11.00,,\n',
    );
    const r = await run([{ path: f }]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[3, 'total.mismatch']]);
  });

  it.each([
    ['empty file', '', 'file.empty'],
    ['Excel workbook', 'PK\x03\x04rest-of-zip', 'file.xlsx'],
    ['binary', 'abc\x00def', 'file.binary'],
    ['header only', '资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n', 'file.no_rows'],
    ['no header', 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,14,15\n', 'file.no_header'],
    ['missing column', '资金编码,乡镇,村,户号,姓名,金额(元),审批日期,发放日期\nZX2025-01,城关镇,和平村,1,王小明,10,2025-03-02,2025-03-04\n', 'header.missing'],
    ['unterminated quote', '资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n"ZX2025-01,城关镇,和平村,1,王小明,1,1,1,1\n', 'file.csv'],
  ])('answers a bad file clearly: %s', async (_, content, c) => {
    await run(county);
    const before = fingerprint();
    const f = join(t.dir, 'bad.csv');
    writeFileSync(f, /[^\x00-\xff]/.test(content) ? content : Buffer.from(content, 'latin1'));
    const r = await run([{ path: f, kind: 'disbursements' }]);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain(c);
    expect(fingerprint()).toBe(before);
  });

  it('refuses a file that mixes encodings instead of garbling names', async () => {
    await run(county);
    const f = join(t.dir, 'mixed.csv');
    const head = Buffer.from('资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n' + 'x'.repeat(70_000) + '\n', 'utf8');
    writeFileSync(f, Buffer.concat([head, Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a])]));
    const r = await run([{ path: f, kind: 'disbursements' }]);
    expect(r.issues.map((i) => i.code)).toContain('file.encoding');
  });
});
