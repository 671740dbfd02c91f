import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030.ts';

const decode = (b: Uint8Array): string => new TextDecoder('gb18030').decode(b);

describe('GB18030 encoder', () => {
  it('writes the codes Excel on Chinese Windows uses', () => {
    expect(encodeGb18030('王').toString('hex')).toBe('cdf5');
    expect(encodeGb18030('金额（元）').toString('hex')).toBe('bdf0b6eea3a8d4aaa3a9');
    expect(encodeGb18030('ZX2025-01,1234.56\r\n').toString('latin1')).toBe('ZX2025-01,1234.56\r\n');
  });

  it('round-trips rare name characters from CJK extensions A, B, E and F', () => {
    const text = '王小䶮,张𠇔,赵孟𫖯,李𬘭,刘㛃,欧阳单,财农〔2025〕12号,¥1,234.56';
    expect(decode(encodeGb18030(text))).toBe(text);
    expect(encodeGb18030('𠇔')).toHaveLength(4);
  });

  it('round-trips every character of the BMP that GB18030 maps', () => {
    let text = '';
    for (let c = 0x20; c < 0xd800; c++) text += String.fromCharCode(c);
    expect(decode(encodeGb18030(text))).toBe(text);
  });
});
