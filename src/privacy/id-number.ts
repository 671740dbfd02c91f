// Resident ID numbers (居民身份证号码, GB 11643-1999): validation, masking and the keyed
// hash that lets us recognise a person across batches without storing the number.
import { hash } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdProblem = 'id.format' | 'id.old_15' | 'id.scientific' | 'id.birth_date' | 'id.check_digit';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Validate an ID number as typed in a spreadsheet. Returns the normalised number
 * (upper-case X) or the reason it is not one.
 */
export function checkIdNumber(raw: string): { ok: true; id: string } | { ok: false; problem: IdProblem } {
  const s = raw.trim().toUpperCase();
  // Excel turns long digit strings into numbers: 4.30524E+17 has lost its last digits.
  if (/^\d(\.\d+)?E\+?\d+$/.test(s)) return { ok: false, problem: 'id.scientific' };
  if (/^\d{15}$/.test(s)) return { ok: false, problem: 'id.old_15' };
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return { ok: false, problem: 'id.format' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1880 || !isRealDate(y, m, d)) return { ok: false, problem: 'id.birth_date' };
  if (idCheckChar(s) !== s[17]) return { ok: false, problem: 'id.check_digit' };
  return { ok: true, id: s };
}

/** True when y-m-d is a date that exists in the Gregorian calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** Publishable form: region (6) + 8 stars + last four, e.g. 430524********123X. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

const pads = new WeakMap<Uint8Array, { inner: Buffer; outer: Buffer }>();

/**
 * Keyed hash of an ID number: HMAC-SHA-256 (RFC 2104), hex, truncated to 128 bits. Equal
 * for the same person, useless without the key. Written out with one-shot hashes because
 * createHmac re-imports the key on every call, which cost seconds per million rows.
 */
export function hashIdNumber(id: string, key: Uint8Array): string {
  let p = pads.get(key);
  if (!p) {
    if (key.length > 64) throw new Error('ID-hash key longer than the SHA-256 block');
    const inner = Buffer.alloc(64, 0x36);
    const outer = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i++) {
      inner[i]! ^= key[i]!;
      outer[i]! ^= key[i]!;
    }
    p = { inner, outer };
    pads.set(key, p);
  }
  const innerHash = hash('sha256', Buffer.concat([p.inner, Buffer.from(id, 'latin1')]), 'buffer');
  return hash('sha256', Buffer.concat([p.outer, innerHash]), 'hex').slice(0, 32);
}
