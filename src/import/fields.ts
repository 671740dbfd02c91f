// Parsers for the cell formats finance systems and Excel actually produce. Each takes the
// trimmed cell text and returns the value or the reason it is not one. They are hot
// (a million rows per import), so the common shapes take a fast path and dates are memoised.
import { checkIdNumber, isRealDate } from '../privacy/id-number.ts';
import type { ErrorCode } from './errors.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: ErrorCode, params?: Record<string, string | number>): Parsed<never> =>
  params ? { ok: false, code, params } : { ok: false, code };

/** Full-width forms to ASCII (１２３，．￥ → 12 3,.¥) so pasted Chinese punctuation parses. */
export function foldWidth(s: string): string {
  return /[\uFF01-\uFF5E\u3000]/.test(s) ? s.normalize('NFKC').replace(/\u3000/g, ' ') : s;
}

// 10 亿元 in fen: no single payment, project or budget line of a county comes near it.
const MAX_FEN = 100_000_000_000;

export interface AmountOptions {
  allowNegative?: boolean;
  allowZero?: boolean;
}

/** "1,234.56", "¥1,234.00", "1234.5元", "(12.00)" → integer 分. Never goes through a float. */
export function parseAmountFen(raw: string, opts: AmountOptions = {}): Parsed<number> {
  let s = raw;
  // Fast path: plain digits with up to two decimals, the shape of most exports.
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) {
    s = foldWidth(s).replace(/[\s,¥￥]/g, '').replace(/元$/, '');
    if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(s)) return fail('amount.scientific');
    let negative = false;
    if (/^\(.*\)$/.test(s)) {
      negative = true; // accounting format: (12.00) is -12.00
      s = s.slice(1, -1);
    }
    if (s.startsWith('-') || s.startsWith('+')) {
      negative = negative !== s.startsWith('-');
      s = s.slice(1);
    }
    if (!/^\d+(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) return fail('amount.format');
    const dec = s.split('.')[1];
    if (dec !== undefined && dec.length > 2 && !/^0+$/.test(dec.slice(2))) return fail('amount.precision');
    const fen = toFen(s);
    if (fen > MAX_FEN) return fail('amount.too_large');
    if (negative && fen !== 0) {
      if (!opts.allowNegative) return fail('amount.negative');
      return ok(-fen);
    }
    if (fen === 0 && !opts.allowZero) return fail('amount.not_positive');
    return ok(fen);
  }
  const fen = toFen(s);
  if (fen > MAX_FEN) return fail('amount.too_large');
  if (fen === 0 && !opts.allowZero) return fail('amount.not_positive');
  return ok(fen);
}

/** "1234.5" → 123450, by string arithmetic (decimals past the second are zeros by now). */
function toFen(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return Number(s) * 100;
  const whole = dot === 0 ? 0 : Number(s.slice(0, dot));
  const frac = (s.slice(dot + 1) + '00').slice(0, 2);
  return whole * 100 + Number(frac);
}

const dateCache = new Map<string, Parsed<string>>();

/** "2007-05-13", "2007/5/13", "2007.5.13", "2007年5月13日", "20070513" (+ a time) → "2007-05-13". */
export function parseDate(raw: string): Parsed<string> {
  const hit = dateCache.get(raw);
  if (hit) return hit;
  const result = parseDateUncached(raw);
  if (dateCache.size > 50_000) dateCache.clear();
  dateCache.set(raw, result);
  return result;
}

function parseDateUncached(raw: string): Parsed<string> {
  const s = foldWidth(raw).trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  m ??= /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) {
    // Excel stores dates as days since 1899-12-30; a bare 5-digit number is one of those.
    if (/^\d{5}(\.\d+)?$/.test(s)) return fail('date.excel_serial');
    return fail('date.format');
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return fail('date.invalid');
  if (y < 1949 || y > 2100) return fail('date.range');
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const idCache = new Map<string, Parsed<string>>();

/** An 18-character resident ID number with a valid GB 11643 check digit. */
export function parseIdNumber(raw: string): Parsed<string> {
  // A household's number repeats on every payment it receives: check it once.
  const hit = idCache.get(raw);
  if (hit) return hit;
  const r = checkIdNumber(foldWidth(raw).replace(/\s/g, ''));
  const result = r.ok ? ok(r.id) : fail(r.problem);
  if (idCache.size > 20_000) idCache.clear(); // rows come household by household: a small memo hits
  idCache.set(raw, result);
  return result;
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '√', '重复']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);

/** 是/否, Y/N, 1/0, true/false. */
export function parseYesNo(raw: string): Parsed<boolean> {
  const s = foldWidth(raw).trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return fail('yesno.invalid');
}

/** A non-negative whole number ("12", "1,200"). */
export function parseCount(raw: string): Parsed<number> {
  const s = foldWidth(raw).replace(/[,\s]/g, '').replace(/\.0+$/, '');
  if (!/^\d{1,9}$/.test(s)) return fail('int.format');
  return ok(Number(s));
}

/** A four-digit year between 1949 and 2100. */
export function parseYear(raw: string): Parsed<number> {
  const s = foldWidth(raw).replace(/年$/, '').trim();
  if (!/^\d{4}$/.test(s)) return fail('year.format');
  const y = Number(s);
  return y >= 1949 && y <= 2100 ? ok(y) : fail('year.format');
}

/** An identifier such as a fund code: letters, digits and '-'. */
export function parseCode(raw: string, min = 2, max = 32): Parsed<string> {
  const s = foldWidth(raw).trim().toUpperCase();
  if (s.length < min || s.length > max || !/^[A-Z0-9][A-Z0-9-]*$/.test(s)) return fail('code.format', { min, max });
  return ok(s);
}

/** Free text, trimmed, whitespace runs collapsed; bounded so one cell cannot bloat a page. */
export function parseText(raw: string, max = 200): Parsed<string> {
  const s = /\s\s|[\t\n\r\f\v\u00a0\u3000]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  // UTF-16 length bounds the character count from above: count only when it might matter.
  if (s.length <= max) return ok(s);
  const length = Array.from(s).length;
  return length > max ? fail('text.too_long', { length, max }) : ok(s);
}

/** One of a fixed set of labels; `labels` maps every accepted spelling to the stored value. */
export function parseEnum<T extends string>(raw: string, labels: Record<string, T>): Parsed<T> {
  const s = foldWidth(raw).replace(/\s/g, '');
  const v = labels[s] ?? labels[s.toLowerCase()];
  if (v !== undefined) return ok(v);
  const allowed = [...new Set(Object.keys(labels).filter((k) => /[^\x00-\x7f]/.test(k)))].join('、');
  return fail('enum.invalid', { allowed: allowed || Object.keys(labels).join(', ') });
}
