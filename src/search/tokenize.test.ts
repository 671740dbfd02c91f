import { describe, expect, it } from 'vitest';
import { hanGrams, pieces, textQueryTerms, textTokens } from './tokenize.ts';
import { segmentLatin } from './syllables.ts';

describe('Chinese text tokens', () => {
  it('indexes every character and every adjacent pair of a Han run', () => {
    expect(hanGrams(['王', '小', '明'])).toEqual(['王', '小', '明', '王小', '小明']);
  });

  it('keeps rare characters outside U+4E00–U+9FA5 whole, astral ones included', () => {
    expect(textTokens('刘䶮')).toEqual(['刘', '䶮', '刘䶮']);
    expect(textTokens('张𠇔')).toEqual(['张', '𠇔', '张𠇔']);
  });

  it('lower-cases Latin words, folds full-width forms and splits letters from digits', () => {
    expect(textTokens('村东组至Ｇ207')).toEqual(['村', '东', '组', '至', '村东', '东组', '组至', 'g207', 'g', '207']);
  });

  it('reads `*` as a placeholder, so a typed mask keeps its shape', () => {
    expect(pieces('王*明').map((p) => p.kind)).toEqual(['han', 'star', 'han']);
  });

  it('asks free text as pairs, with the last word as a prefix', () => {
    expect(textQueryTerms('道路硬化 xm2024')).toEqual([
      { term: '道路', prefix: false },
      { term: '路硬', prefix: false },
      { term: '硬化', prefix: false },
      { term: 'xm2024', prefix: true },
    ]);
    expect(textQueryTerms('路')).toEqual([{ term: '路', prefix: false }]);
  });
});

describe('typed pinyin read as name units', () => {
  const read = (s: string): string[] => segmentLatin(s).map((units) => units.map((u) => u.text).join('|'));

  it('prefers whole syllables, and keeps ambiguous readings', () => {
    expect(read('wangxiaoming')[0]).toBe('wang|xiao|ming');
    expect(read('xian')).toEqual(['xian', 'xi|an']);
    expect(read('zhangsan')).toEqual(['zhang|san']);
  });

  it('reads initials and mixed forms', () => {
    expect(read('wxm')).toEqual(['w|x|m']);
    expect(read('wangxm')).toEqual(['wang|x|m']);
    expect(read('zhxm')).toEqual(['zh|x|m', 'z|h|x|m']);
  });

  it('reads up to 4 letters one initial each, even where syllables fit', () => {
    expect(read('sax')).toEqual(['sa|x', 's|a|x']);
    expect(read('shk')).toEqual(['sh|k', 's|h|k']);
    expect(read('wang')).toEqual(['wang', 'w|a|n|g']);
  });

  it('lets the last unit be half typed', () => {
    expect(segmentLatin('wangxiaozho')[0]?.at(-1)).toEqual({ text: 'zho', kind: 'prefix' });
  });

  it('gives up on letters no pinyin begins with', () => {
    expect(read('iu')).toEqual([]);
    expect(read('vvv')).toEqual([]);
  });
});
