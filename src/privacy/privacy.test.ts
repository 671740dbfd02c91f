import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { checkIdNumber, hashIdNumber, idCheckChar, maskIdNumber } from './id-number.ts';
import { maskName } from './names.ts';

describe('ID numbers', () => {
  it('computes the GB 11643 check character, X included', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('43052419680312123')).toBe('2');
  });
  it('masks to region + last four, never the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
  });
  it('hashes with a key: same person same hash, another key another hash, no digits leak', () => {
    const k1 = new Uint8Array(32).fill(1);
    const k2 = new Uint8Array(32).fill(2);
    const id = '11010519491231002X';
    expect(hashIdNumber(id, k1)).toBe(hashIdNumber(id, k1));
    expect(hashIdNumber(id, k1)).not.toBe(hashIdNumber(id, k2));
    expect(hashIdNumber(id, k1)).toMatch(/^[0-9a-f]{32}$/);
    // It is standard HMAC-SHA-256, so another implementation can check it.
    expect(hashIdNumber(id, k1)).toBe(createHmac('sha256', k1).update(id).digest('hex').slice(0, 32));
  });
  it('rejects impossible birth dates', () => {
    expect(checkIdNumber('110105190002290011')).toEqual({ ok: false, problem: 'id.birth_date' });
  });
});

describe('names', () => {
  it.each([
    ['王小明', '王*明'],
    ['李四', '李*'],
    ['欧阳修文', '欧**文'],
    ['曾䶮', '曾*'],
    ['王𠇔明', '王*明'],
    ['张', '张'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});
