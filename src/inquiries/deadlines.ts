// How long each kind of item may take, in working days. 依申请公开 follows the statute
// (政府信息公开条例 第三十三条: 20 working days from receipt, extendable once by at most
// 20 with the head of the office's consent); the others are the county's own promise,
// configurable with GONGKAI_INQUIRY_PROMISE="consult=5,complaint=10,suggestion=15".
import { addWorkingDays, type WorkingDayCount } from './calendar.ts';
import type { Category } from './schema.ts';

export const DISCLOSURE_DAYS = 20;
export const DISCLOSURE_EXTENSION_DAYS = 20;

const DEFAULT_PROMISE: Record<Exclude<Category, 'disclosure'>, number> = { consult: 5, complaint: 10, suggestion: 15 };

/** Working days allowed for a category (the promise, or the statute for disclosure). */
export function daysFor(category: Category, env: string | undefined = process.env.GONGKAI_INQUIRY_PROMISE): number {
  if (category === 'disclosure') return DISCLOSURE_DAYS;
  const days = { ...DEFAULT_PROMISE };
  for (const part of (env ?? '').split(',')) {
    const m = /^\s*(consult|complaint|suggestion)\s*=\s*(\d{1,3})\s*$/.exec(part);
    if (m && Number(m[2]) > 0) days[m[1] as keyof typeof days] = Number(m[2]);
  }
  return days[category];
}

/** The basis a deadline rests on: statute or promise. */
export function basisOf(category: Category): 'statute' | 'promise' {
  return category === 'disclosure' ? 'statute' : 'promise';
}

/** The deadline of an item received on `receivedDate` (China time), with how it was counted. */
export function deadlineFor(category: Category, receivedDate: string, extended = false): WorkingDayCount {
  const days = daysFor(category) + (extended && category === 'disclosure' ? DISCLOSURE_EXTENSION_DAYS : 0);
  return addWorkingDays(receivedDate, days);
}

/** Whether an item is past its deadline: unanswered after it, or answered after it. */
export function isOverdue(item: { deadline: string; answeredDate: string | null }, today: string): boolean {
  return item.answeredDate ? item.answeredDate > item.deadline : today > item.deadline;
}
