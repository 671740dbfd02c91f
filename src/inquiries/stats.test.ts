import { describe, expect, it } from 'vitest';
import { annualReport, COLUMNS, type DisclosureItem } from './disclosure.ts';
import { median, statistics, summarise, type StatItem } from './stats.ts';

const item = (o: Partial<StatItem>): StatItem => ({
  category: 'consult',
  departmentCode: '101001',
  receivedDate: '2025-03-03',
  deadline: '2025-03-10',
  answeredDate: null,
  verdict: null,
  rating: null,
  ...o,
});

describe('statistics', () => {
  it('computes response, on-time and median over answered and due items', () => {
    const items = [
      item({ answeredDate: '2025-03-05' }), // 2 working days, on time
      item({ answeredDate: '2025-03-12' }), // 7, late
      item({ answeredDate: '2025-03-04', verdict: 'resolved', rating: 5 }), // 1, on time
      item({}), // open, overdue by today
      item({ receivedDate: '2025-03-19', deadline: '2025-03-26' }), // open, not yet due
    ];
    const s = summarise(items, '2025-03-20');
    expect(s.received).toBe(5);
    expect(s.answered).toBe(3);
    expect(s.responseRate).toBeCloseTo(0.6);
    expect(s.due).toBe(4);
    expect(s.onTime).toBe(2);
    expect(s.onTimeRate).toBeCloseTo(0.5);
    expect(s.overdueOpen).toBe(1);
    expect(s.medianDays).toBe(2);
    expect(s.resolved).toBe(1);
    expect(s.resolvedRate).toBe(1);
    expect(s.meanRating).toBe(5);
    expect(s.small).toBe(false);
  });

  it('keeps the citizen’s verdict apart from the answered status', () => {
    const s = summarise([item({ answeredDate: '2025-03-04', verdict: 'unresolved' }), item({ answeredDate: '2025-03-04' })], '2025-04-01');
    expect(s.responseRate).toBe(1);
    expect(s.resolvedRate).toBe(0);
    expect(s.unresolved).toBe(1);
  });

  it('has no rates for an empty set, and an even median is the mean of the middle two', () => {
    const s = summarise([], '2025-01-01');
    expect(s.responseRate).toBeNull();
    expect(s.onTimeRate).toBeNull();
    expect(s.medianDays).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('groups by department, category and month, and ranks only large enough samples', () => {
    const items = [
      ...Array.from({ length: 5 }, () => item({ departmentCode: 'A', answeredDate: '2025-03-04' })),
      ...Array.from({ length: 5 }, (_, i) => item({ departmentCode: 'B', answeredDate: i < 4 ? '2025-03-04' : '2025-03-20' })),
      item({ departmentCode: 'C', answeredDate: '2025-03-04', category: 'complaint', receivedDate: '2025-04-01', deadline: '2025-04-10' }),
      item({ departmentCode: null }),
    ];
    const st = statistics(items, '2025-05-01');
    expect(st.byDepartment.map((g) => g.key)).toEqual(['-', 'A', 'B', 'C']);
    expect(st.byDepartment.find((g) => g.key === 'C')?.small).toBe(true);
    expect(st.ranked.map((g) => g.key)).toEqual(['A', 'B']);
    expect(st.byCategory.map((g) => [g.key, g.received])).toEqual([['complaint', 1], ['consult', 11]]);
    expect(st.byMonth.map((g) => g.key)).toEqual(['2025-03', '2025-04']);
  });
});

describe('annual report (国办公开办函〔2021〕30号)', () => {
  const d = (o: Partial<DisclosureItem>): DisclosureItem => ({ requester: 'person', receivedDate: '2025-03-01', concludedDate: null, outcome: null, ...o });

  it('balances new + carried over against concluded + carried forward', () => {
    const items = [
      d({ receivedDate: '2024-12-20', concludedDate: '2025-01-10', outcome: 'granted' }), // carried over, concluded
      d({ receivedDate: '2024-12-28', requester: 'business' }), // carried over, still open
      d({ receivedDate: '2024-05-01', concludedDate: '2024-05-20', outcome: 'granted' }), // last year's: out
      d({ concludedDate: '2025-03-20', outcome: 'partial' }),
      d({ concludedDate: '2025-04-01', outcome: 'unable.not-held', requester: 'legal' }),
      d({ receivedDate: '2025-12-30' }), // carried forward
      d({ receivedDate: '2025-12-01', concludedDate: '2026-01-05', outcome: 'granted' }), // concluded next year: forward
      d({ receivedDate: '2026-01-02' }), // next year's: out
    ];
    const r = annualReport(items, 2025);
    expect(r.newThisYear.total).toBe(4);
    expect(r.carriedOver.total).toBe(2);
    expect(r.concluded.total).toBe(3);
    expect(r.carriedForward.total).toBe(3);
    expect(r.outcomes.granted.total).toBe(1);
    expect(r.outcomes.partial.person).toBe(1);
    expect(r.outcomes['unable.not-held'].legal).toBe(1);
    expect(r.carriedOver.business).toBe(1);
    expect(r.balanced).toBe(true);
    expect(r.imbalances).toEqual([]);
    for (const c of COLUMNS) expect(r.newThisYear[c] + r.carriedOver[c]).toBe(r.concluded[c] + r.carriedForward[c]);
  });

  it('counts an unknown outcome as 其他 so the identity still holds', () => {
    const r = annualReport([d({ concludedDate: '2025-05-01', outcome: 'nonsense' })], 2025);
    expect(r.outcomes['other.other'].total).toBe(1);
    expect(r.balanced).toBe(true);
  });
});
