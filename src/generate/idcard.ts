// Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth
// date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
// character. Generated numbers are unique county-wide: each (region, birth date, gender)
// key hands out sequence numbers from its own counter.
import { compact } from './dates.ts';
import { hash32 } from './prng.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function checkChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

/** True when an 18-character ID number carries the right check character. */
export function hasValidCheck(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && checkChar(id.slice(0, 17)) === id[17];
}

/**
 * Hands out unique ID numbers. Sequence slots [first, first+count) of the 500 per key are
 * this allocator's, so two allocators with disjoint slots (households, staff) never clash
 * and need not share state.
 */
export class IdAllocator {
  private readonly used = new Map<number, number>();
  private readonly regions = new Map<string, number>();
  private readonly first: number;
  private readonly count: number;

  constructor(first: number, count: number) {
    if (first + count > 500 || count % 37 === 0) throw new Error('bad ID slot range');
    this.first = first;
    this.count = count;
  }

  /** A new ID number; born the next day instead in the (never seen) case a key is full. */
  next(region: string, birthDay: number, male: boolean): string {
    let r = this.regions.get(region);
    if (r === undefined) this.regions.set(region, (r = this.regions.size));
    for (let day = birthDay; ; day++) {
      // Day numbers of birth dates after 1900 fit in 17 bits once offset.
      const key = ((r * 131072 + day + 30000) * 2) + (male ? 1 : 0);
      const k = this.used.get(key) ?? 0;
      if (k >= this.count) continue;
      this.used.set(key, k + 1);
      // count is not a multiple of the prime 37, so k = 0..count-1 visit distinct slots.
      const slot = this.first + ((hash32(key) + k * 37) % this.count);
      const seq = String(slot * 2 + (male ? 1 : 0)).padStart(3, '0');
      const body = `${region}${compact(day)}${seq}`;
      return body + checkChar(body);
    }
  }
}
