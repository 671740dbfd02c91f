import { describe, expect, it } from 'vitest';
import { dictionaryOf, LOCALES, t } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('every locale has the same keys, none empty, with the same placeholders', () => {
    const ref = dictionaryOf('zh-cn');
    for (const locale of LOCALES) {
      const d = dictionaryOf(locale);
      expect(Object.keys(d).sort()).toEqual(Object.keys(ref).sort());
      for (const [key, text] of Object.entries(d)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(ref[key] ?? ''));
      }
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh-cn', 'common.page', { page: 2, pages: 5 })).toBe('第 2 页，共 5 页');
    expect(t('en', 'common.page', { page: 2 })).toBe('Page 2 of {pages}');
  });
});
