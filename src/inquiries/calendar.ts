// Working days as the law counts them (政府信息公开条例 第三十三条: "20 个工作日"): weekends
// and public holidays are skipped, adjusted working days (调休上班 Saturdays and Sundays)
// count. The holidays are data (holidays.json), not code: each year's State Council notice
// is one edit there. Dates are plain 'YYYY-MM-DD' strings in China Standard Time.
import calendarData from './holidays.json' with { type: 'json' };

interface YearData {
  source: string;
  provisional?: boolean;
  holidays: string[];
  workdays: string[];
}

const years = new Map<number, YearData>();
const holidays = new Set<string>();
const workdays = new Set<string>();
for (const [key, value] of Object.entries(calendarData)) {
  if (!/^\d{4}$/.test(key)) continue;
  const y = value as YearData;
  years.set(Number(key), y);
  for (const d of y.holidays) holidays.add(d);
  for (const d of y.workdays) workdays.add(d);
}

/** First and last year the calendar covers. */
export const CALENDAR_YEARS = { first: Math.min(...years.keys()), last: Math.max(...years.keys()) };

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000; // China has one time zone and no daylight saving

const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The day after `d`. */
export function nextDay(d: string): string {
  return fromMs(toMs(d) + DAY_MS);
}

/** The China-time calendar date of an instant (Date or ISO string). */
export function chinaDate(instant: Date | string = new Date()): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return fromMs(ms + CST_OFFSET_MS);
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** What kind of day `d` is. */
export function dayKind(d: string): DayKind {
  if (workdays.has(d)) return 'adjusted-workday';
  if (holidays.has(d)) return 'holiday';
  const dow = new Date(toMs(d)).getUTCDay();
  return dow === 0 || dow === 6 ? 'weekend' : 'workday';
}

/** Whether government offices work on `d`. */
export function isWorkingDay(d: string): boolean {
  const k = dayKind(d);
  return k === 'workday' || k === 'adjusted-workday';
}

/** How a date was reached by counting working days: for the page that explains a deadline. */
export interface WorkingDayCount {
  from: string;
  days: number;
  date: string;
  /** weekend days skipped */
  weekendDays: number;
  /** public-holiday days skipped */
  holidayDays: number;
  /** adjusted working days (weekends that counted) */
  adjustedWorkdays: string[];
  /** the count ran through a year whose holidays are provisional or not in the calendar */
  uncertain: boolean;
}

const covered = (d: string): boolean => {
  const y = years.get(Number(d.slice(0, 4)));
  return !!y && !y.provisional;
};

/**
 * The `days`-th working day after `from` (the day of receipt is not counted, 第三十一条 /
 * 民法典 第二百零一条: a period counted in days starts the next day).
 */
export function addWorkingDays(from: string, days: number): WorkingDayCount {
  let d = from;
  let n = 0;
  let weekendDays = 0;
  let holidayDays = 0;
  let uncertain = false;
  const adjustedWorkdays: string[] = [];
  while (n < days) {
    d = nextDay(d);
    if (!covered(d)) uncertain = true;
    const k = dayKind(d);
    if (k === 'weekend') weekendDays++;
    else if (k === 'holiday') holidayDays++;
    else {
      if (k === 'adjusted-workday') adjustedWorkdays.push(d);
      n++;
    }
  }
  return { from, days, date: d, weekendDays, holidayDays, adjustedWorkdays, uncertain };
}

/** Working days after `from` up to and including `to` (0 when `to` <= `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = nextDay(from); d <= to; d = nextDay(d)) if (isWorkingDay(d)) n++;
  return n;
}

/** The notice each year's holidays come from, and whether it is still provisional. */
export function calendarSources(): { year: number; source: string; provisional: boolean }[] {
  return [...years.entries()].map(([year, y]) => ({ year, source: y.source, provisional: !!y.provisional }));
}
