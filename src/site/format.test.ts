import { describe, expect, it } from 'vitest';
import { fenToYuan, formatter } from './format.ts';

describe('money', () => {
  it('turns 分 into exact 元 strings, never through a float', () => {
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-101)).toBe('-1.01');
    // 2^53 - 1 分 is still exact
    expect(fenToYuan(9007199254740991)).toBe('90071992547409.91');
  });

  it('formats table amounts and the big unit per locale', () => {
    const zh = formatter('zh-cn');
    const en = formatter('en');
    expect(zh.yuan(123456789)).toBe('1,234,567.89');
    // 48,294.84 万元 is the county's headline figure (design.md)
    expect(zh.big(48_294_840_000)).toBe('48,294.84');
    expect(en.big(48_294_840_000)).toBe('482.95');
    expect(zh.big(15_000)).toBe('0.02'); // 150 元 rounds half up to 0.02 万元
  });

  it('formats percentages, changes and dates', () => {
    const zh = formatter('zh-cn');
    const en = formatter('en');
    expect(zh.percent(7644, 10000)).toBe('76.4%');
    expect(zh.percent(1, 0)).toBe('–');
    expect(en.change(105, 100)).toBe('+5.0%');
    expect(en.change(95, 100)).toMatch(/^[-−]5\.0%$/);
    expect(zh.date('2025-03-04')).toBe('2025年3月4日');
    expect(zh.dateShort('2025-03-04')).toBe('2025/03/04');
    expect(en.dateShort('2025-03-04')).toBe('4 Mar 2025');
  });
});
