import { describe, expect, it } from 'vitest';
import { parseAmountFen, parseCount, parseDate, parseEnum, parseIdNumber, parseYesNo } from './fields.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: true } | { ok: false; code: string }) => (r.ok ? 'ok' : r.code);

describe('amounts → integer fen', () => {
  it.each([
    ['1234', 123400],
    ['1234.5', 123450],
    ['1,234.56', 123456],
    ['¥1,234.00', 123400],
    ['￥1 234.00', 123400],
    ['１２３４．５６', 123456],
    ['1234.56元', 123456],
    ['0.01', 1],
    ['.5', 50],
    ['1234.500', 123450],
    ['99999999.99', 9999999999],
  ])('%s → %i fen', (raw, fen) => expect(value(parseAmountFen(raw))).toBe(fen));

  it('never goes through floating point: 0.1 + 0.2 style amounts stay exact', () => {
    expect(value(parseAmountFen('1.15'))).toBe(115);
    expect(value(parseAmountFen('4.35'))).toBe(435);
    expect(value(parseAmountFen('1005.29'))).toBe(100529);
  });

  it.each([
    ['1234.567', 'amount.precision'],
    ['1.2E+05', 'amount.scientific'],
    ['abc', 'amount.format'],
    ['1.2.3', 'amount.format'],
    ['-12.00', 'amount.negative'],
    ['(12.00)', 'amount.negative'],
    ['0', 'amount.not_positive'],
    ['2000000000', 'amount.too_large'],
  ])('%s is refused (%s)', (raw, c) => expect(code(parseAmountFen(raw))).toBe(c));

  it('allows negatives and zero only where the kind says so', () => {
    expect(value(parseAmountFen('-12.50', { allowNegative: true }))).toBe(-1250);
    expect(value(parseAmountFen('(12.50)', { allowNegative: true }))).toBe(-1250);
    expect(value(parseAmountFen('0.00', { allowZero: true }))).toBe(0);
  });
});

describe('dates', () => {
  it.each([
    ['2007-05-13', '2007-05-13'],
    ['2007/5/13', '2007-05-13'],
    ['2007.5.13', '2007-05-13'],
    ['2007年5月13日', '2007-05-13'],
    ['2007年05月13', '2007-05-13'],
    ['20070513', '2007-05-13'],
    ['2007/5/13 0:00', '2007-05-13'],
    ['2007-05-13 08:30:00', '2007-05-13'],
    ['2024-02-29', '2024-02-29'],
    ['２００７－０５－１３', '2007-05-13'],
  ])('%s → %s', (raw, iso) => expect(value(parseDate(raw))).toBe(iso));

  it.each([
    ['2023-02-29', 'date.invalid'],
    ['2007-13-01', 'date.invalid'],
    ['39215', 'date.excel_serial'],
    ['13/5/2007', 'date.format'],
    ['1900-01-01', 'date.range'],
    ['May 13', 'date.format'],
  ])('%s is refused (%s)', (raw, c) => expect(code(parseDate(raw))).toBe(c));
});

describe('ID numbers (GB 11643)', () => {
  it('accepts a valid number and normalises x to X', () => {
    expect(value(parseIdNumber('11010519491231002x'))).toBe('11010519491231002X');
    expect(value(parseIdNumber('430524196803121232'))).toBe('430524196803121232');
  });
  it.each([
    ['430524196803121230', 'id.check_digit'],
    ['4.30524E+17', 'id.scientific'],
    ['430524680312123', 'id.old_15'],
    ['43052419680312123', 'id.format'],
    ['430524196802301234', 'id.birth_date'],
    ['ABCDEFGHIJKLMNOPQR', 'id.format'],
  ])('%s is refused (%s)', (raw, c) => expect(code(parseIdNumber(raw))).toBe(c));
});

describe('other cells', () => {
  it('reads yes/no the ways people write it', () => {
    for (const y of ['是', 'Y', 'yes', '1', 'TRUE']) expect(value(parseYesNo(y))).toBe(true);
    for (const n of ['否', 'n', '0', '']) expect(value(parseYesNo(n))).toBe(false);
    expect(code(parseYesNo('也许'))).toBe('yesno.invalid');
  });
  it('reads counts with separators', () => {
    expect(value(parseCount('1,200'))).toBe(1200);
    expect(value(parseCount('12.0'))).toBe(12);
    expect(code(parseCount('-3'))).toBe('int.format');
  });
  it('lists the accepted Chinese labels when an enum does not match', () => {
    const r = parseEnum('到村', { 到人到户: 'household', 到项目: 'project', household: 'household' } as const);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.params?.allowed).toBe('到人到户、到项目');
  });
});
