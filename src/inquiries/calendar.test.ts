import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, dayKind, isWorkingDay, workingDaysBetween } from './calendar.ts';
import { daysFor, deadlineFor, isOverdue } from './deadlines.ts';

describe('working-day calendar', () => {
  it('knows weekends, public holidays and adjusted working days', () => {
    expect(dayKind('2025-03-05')).toBe('workday'); // a Wednesday
    expect(dayKind('2025-03-08')).toBe('weekend');
    expect(dayKind('2025-10-06')).toBe('holiday'); // National Day + Mid-Autumn, a Monday
    expect(dayKind('2025-09-28')).toBe('adjusted-workday'); // a Sunday worked
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2026-02-17')).toBe(false); // Spring Festival
    expect(isWorkingDay('2024-02-04')).toBe(true); // a Sunday worked before Spring Festival 2024
  });

  it('counts from the day after receipt', () => {
    // Received Monday 2025-03-03: 5 working days later is Monday 2025-03-10.
    const c = addWorkingDays('2025-03-03', 5);
    expect(c.date).toBe('2025-03-10');
    expect(c.weekendDays).toBe(2);
    expect(c.holidayDays).toBe(0);
  });

  it('skips the National Day week and counts the make-up Saturday', () => {
    // Received Friday 2025-09-26. Next working days: Sun 9-28 (adjusted), Mon 9-29, Tue 9-30,
    // then 10-1..10-8 off, Thu 10-9, Fri 10-10, Sat 10-11 (adjusted).
    const c = addWorkingDays('2025-09-26', 6);
    expect(c.date).toBe('2025-10-11');
    expect(c.holidayDays).toBe(8);
    expect(c.adjustedWorkdays).toEqual(['2025-09-28', '2025-10-11']);
    expect(c.uncertain).toBe(false);
  });

  it('gives a disclosure request 20 working days, 40 with the extension', () => {
    expect(deadlineFor('disclosure', '2025-01-20').date).toBe('2025-02-21'); // across Spring Festival; 1-26 and 2-8 worked
    expect(deadlineFor('disclosure', '2025-01-20', true).date).toBe('2025-03-21');
    expect(deadlineFor('disclosure', '2025-03-03').date).toBe('2025-03-31');
  });

  it('takes the promise for the other categories from configuration', () => {
    expect(daysFor('consult', '')).toBe(5);
    expect(daysFor('complaint', 'complaint=3, consult=2')).toBe(3);
    expect(daysFor('suggestion', 'suggestion=x')).toBe(15);
    expect(daysFor('disclosure', 'disclosure=1')).toBe(20);
  });

  it('flags counts that run into a provisional year', () => {
    expect(addWorkingDays('2026-12-20', 20).uncertain).toBe(true);
    expect(addWorkingDays('2026-11-02', 5).uncertain).toBe(false);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
    expect(workingDaysBetween('2025-03-10', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
  });

  it('dates an instant in China time', () => {
    expect(chinaDate('2025-03-03T15:59:59Z')).toBe('2025-03-03');
    expect(chinaDate('2025-03-03T16:00:00Z')).toBe('2025-03-04');
  });

  it('flags an item overdue only after its deadline', () => {
    expect(isOverdue({ deadline: '2025-03-10', answeredDate: null }, '2025-03-10')).toBe(false);
    expect(isOverdue({ deadline: '2025-03-10', answeredDate: null }, '2025-03-11')).toBe(true);
    expect(isOverdue({ deadline: '2025-03-10', answeredDate: '2025-03-11' }, '2025-03-20')).toBe(true);
  });
});
