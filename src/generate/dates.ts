// Dates as integer day numbers (days since 1970-01-01, UTC): cheap to add delays to and to
// compare; formatted through a lazily built table because the seed county formats about
// two million dates.

const DAY_MS = 86_400_000;

/** Day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Year, month and day of a day number. */
export function partsOf(dayNo: number): [number, number, number] {
  const d = new Date(dayNo * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

const isoCache = new Map<number, string>();

/** ISO 'YYYY-MM-DD' text of a day number. */
export function iso(dayNo: number): string {
  let s = isoCache.get(dayNo);
  if (s === undefined) {
    const [y, m, d] = partsOf(dayNo);
    s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    isoCache.set(dayNo, s);
  }
  return s;
}

const compactCache = new Map<number, string>();

/** 'YYYYMMDD' as it appears inside an ID number. */
export function compact(dayNo: number): string {
  let s = compactCache.get(dayNo);
  if (s === undefined) compactCache.set(dayNo, (s = iso(dayNo).replaceAll('-', '')));
  return s;
}

/** Days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month as a day number. */
export function monthEnd(year: number, month: number): number {
  return dayOf(year, month, daysInMonth(year, month));
}
