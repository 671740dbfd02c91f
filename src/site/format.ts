// Numbers, money and dates for display, through Intl. Money arrives as integer 分 and is
// turned into an exact decimal string before Intl sees it, so no float ever rounds a 分.
// Formatters are built once per locale and their results cached: a seed-scale build formats
// millions of amounts and dates, with few distinct values.
import { langTag, type Locale } from './i18n/index.ts';

/** Exact decimal string of an amount in 分, in 元: 123456 → "1234.56". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Round 分 to hundredths of `unit` 分 (half away from zero), as an exact decimal string. */
function fenToUnit(fen: number, unitFen: number): string {
  const hundredths = Math.round(Math.abs(fen) / (unitFen / 100)) * Math.sign(fen);
  return fenToYuan(hundredths);
}

export interface Formatter {
  locale: Locale;
  /** 12,345 */
  int(n: number): string;
  /** 1,234.56 (元, two decimals; for table cells whose header names the unit) */
  yuan(fen: number): string;
  /** the unit the county reports large sums in: 万元 in Chinese, million yuan in English (number only) */
  big(fen: number): string;
  /** 76.4% of part/whole; '–' when whole is 0 */
  percent(part: number, whole: number): string;
  /** change from `before` to `now` as a signed percentage, +5.2% / −3.0%; '–' without a base */
  change(now: number, before: number): string;
  /** 2025年3月4日 / Mar 4, 2025 */
  date(iso: string): string;
  /** 2025/03/04 / 4 Mar 2025: compact, for table cells */
  dateShort(iso: string): string;
}

const cache = new Map<Locale, Formatter>();

function memo(fn: (key: string) => string, limit = 50_000): (key: string) => string {
  const m = new Map<string, string>();
  return (key) => {
    let v = m.get(key);
    if (v === undefined) {
      if (m.size >= limit) m.clear();
      v = fn(key);
      m.set(key, v);
    }
    return v;
  };
}

function memoNumber(fn: (key: number) => string, limit = 20_000): (key: number) => string {
  const m = new Map<number, string>();
  return (key) => {
    let v = m.get(key);
    if (v === undefined) {
      if (m.size >= limit) m.clear();
      v = fn(key);
      m.set(key, v);
    }
    return v;
  };
}

/** The formatter for a locale (built once). */
export function formatter(locale: Locale): Formatter {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = langTag(locale);
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const dec2 = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const long = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const short =
    locale === 'zh-cn'
      ? new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  // Intl formats numeric strings exactly (ECMA-402 "Intl.NumberFormat v3").
  const yuan = memoNumber((fen) => dec2.format(fenToYuan(fen) as Intl.StringNumericLiteral));
  const bigUnit = locale === 'zh-cn' ? 1_000_000 : 100_000_000; // 万元 or million yuan, in 分
  const f: Formatter = {
    locale,
    int: (n) => int.format(n),
    yuan,
    big: (fen) => dec2.format(fenToUnit(fen, bigUnit) as Intl.StringNumericLiteral),
    percent: (part, whole) => (whole === 0 ? '–' : pct.format(part / whole)),
    change: (now, before) => (before === 0 ? '–' : signed.format((now - before) / before)),
    date: memo((iso) => long.format(asDate(iso))),
    dateShort: memo((iso) => short.format(asDate(iso))),
  };
  cache.set(locale, f);
  return f;
}
