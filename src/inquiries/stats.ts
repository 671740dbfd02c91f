// Public statistics (issue 5): received, answered, response rate, on-time rate and median
// working days to answer — overall and by department, category and month. The citizen's
// own verdict (resolved / not resolved) is counted apart from the department's status:
// "answered" says the office replied, not that the problem went away.
import { workingDaysBetween } from './calendar.ts';
import type { Category } from './schema.ts';

/** Below this many items a group's rates are shown but not ranked (too few to compare). */
export const MIN_SAMPLE = 5;

export interface StatItem {
  category: Category;
  departmentCode: string | null;
  receivedDate: string;
  deadline: string;
  answeredDate: string | null;
  verdict: 'resolved' | 'unresolved' | null;
  rating: number | null;
}

export interface Summary {
  received: number;
  answered: number;
  /** answered ÷ received, null when nothing was received */
  responseRate: number | null;
  /** items whose deadline has passed or that were answered: the base of the on-time rate */
  due: number;
  onTime: number;
  onTimeRate: number | null;
  /** open and past their deadline today */
  overdueOpen: number;
  /** median working days from receipt to answer */
  medianDays: number | null;
  resolved: number;
  unresolved: number;
  /** resolved ÷ (resolved + unresolved): only over items whose citizen gave a verdict */
  resolvedRate: number | null;
  ratings: number;
  meanRating: number | null;
  /** too few items to rank */
  small: boolean;
}

export interface Group extends Summary {
  key: string;
}

export interface Statistics {
  today: string;
  total: Summary;
  byDepartment: Group[];
  byCategory: Group[];
  byMonth: Group[];
  /** departments with enough items, best on-time rate first */
  ranked: Group[];
}

/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Summarise a set of items as of `today` (China date). */
export function summarise(items: StatItem[], today: string): Summary {
  let answered = 0;
  let due = 0;
  let onTime = 0;
  let overdueOpen = 0;
  let resolved = 0;
  let unresolved = 0;
  let ratingSum = 0;
  let ratings = 0;
  const days: number[] = [];
  for (const it of items) {
    if (it.answeredDate) {
      answered++;
      due++;
      if (it.answeredDate <= it.deadline) onTime++;
      days.push(workingDaysBetween(it.receivedDate, it.answeredDate));
    } else if (today > it.deadline) {
      due++;
      overdueOpen++;
    }
    if (it.verdict === 'resolved') resolved++;
    else if (it.verdict === 'unresolved') unresolved++;
    if (it.rating !== null) {
      ratings++;
      ratingSum += it.rating;
    }
  }
  return {
    received: items.length,
    answered,
    responseRate: ratio(answered, items.length),
    due,
    onTime,
    onTimeRate: ratio(onTime, due),
    overdueOpen,
    medianDays: median(days),
    resolved,
    unresolved,
    resolvedRate: ratio(resolved, resolved + unresolved),
    ratings,
    meanRating: ratings ? ratingSum / ratings : null,
    small: items.length < MIN_SAMPLE,
  };
}

function groupBy(items: StatItem[], key: (it: StatItem) => string, today: string): Group[] {
  const groups = new Map<string, StatItem[]>();
  for (const it of items) {
    const k = key(it);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(it);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ key: k, ...summarise(g, today) }));
}

/** Department key for items the citizen left as "not sure" and nobody has routed yet. */
export const UNROUTED = '-';

/** Every figure the statistics page shows. */
export function statistics(items: StatItem[], today: string): Statistics {
  const byDepartment = groupBy(items, (it) => it.departmentCode ?? UNROUTED, today);
  const ranked = byDepartment
    .filter((g) => !g.small && g.key !== UNROUTED && g.onTimeRate !== null)
    .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || (a.medianDays ?? 0) - (b.medianDays ?? 0));
  return {
    today,
    total: summarise(items, today),
    byDepartment,
    byCategory: groupBy(items, (it) => it.category, today),
    byMonth: groupBy(items, (it) => it.receivedDate.slice(0, 7), today),
    ranked,
  };
}
