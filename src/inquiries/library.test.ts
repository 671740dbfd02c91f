import { describe, expect, it } from 'vitest';
import { suggest } from './library.ts';

const lib = [
  { slug: 'a', question: '补贴没有到账怎么办？', keywords: ['没到账', '没有到账', '补贴'] },
  { slug: 'b', question: '耕地地力保护补贴标准？', keywords: ['耕地', '补贴标准', '补贴'] },
  { slug: 'c', question: '三公经费', keywords: ['三公'] },
];

describe('answer library suggestions', () => {
  it('ranks entries by the keywords the text contains', () => {
    expect(suggest(lib, '我家的补贴一直没有到账').map((e) => e.slug)).toEqual(['a', 'b']);
    expect(suggest(lib, '耕地补贴标准是多少').map((e) => e.slug)[0]).toBe('b');
  });
  it('suggests nothing for unrelated or too short text', () => {
    expect(suggest(lib, '路灯坏了')).toEqual([]);
    expect(suggest(lib, '补')).toEqual([]);
  });
});
