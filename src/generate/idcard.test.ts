import { describe, expect, it } from 'vitest';
import { dayOf } from './dates.ts';
import { checkChar, hasValidCheck, IdAllocator } from './idcard.ts';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of the standard example, X included', () => {
    expect(checkChar('11010519491231002')).toBe('X');
    expect(hasValidCheck('11010519491231002X')).toBe(true);
    expect(hasValidCheck('110105194912310021')).toBe(false);
    expect(hasValidCheck('11010519491231002x')).toBe(false); // we always write upper-case X
  });

  it('hands out unique, valid numbers whose sequence parity is the gender, even when one birthday is crowded', () => {
    const ids = new IdAllocator(0, 400);
    const born = dayOf(1968, 3, 12);
    const men = Array.from({ length: 450 }, () => ids.next('430524', born, true));
    const women = Array.from({ length: 30 }, () => ids.next('430524', born, false));
    const all = [...men, ...women];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(hasValidCheck(id)).toBe(true);
    for (const id of men) expect(Number(id[16]) % 2).toBe(1);
    for (const id of women) expect(Number(id[16]) % 2).toBe(0);
    // 400 slots a day: the 401st man born that day is registered the next day.
    expect(men.filter((id) => id.slice(6, 14) === '19680312')).toHaveLength(400);
    expect(men[449]?.slice(6, 14)).toBe('19680313');
  });

  it('keeps households and staff apart by sequence slot', () => {
    const born = dayOf(1980, 1, 1);
    const a = new IdAllocator(0, 400);
    const b = new IdAllocator(400, 100);
    const seqA = new Set(Array.from({ length: 100 }, () => Number(a.next('430524', born, true).slice(14, 17))));
    const seqB = Array.from({ length: 100 }, () => Number(b.next('430524', born, true).slice(14, 17)));
    for (const s of seqB) {
      expect(s).toBeGreaterThanOrEqual(800);
      expect(seqA.has(s)).toBe(false);
    }
  });
});
