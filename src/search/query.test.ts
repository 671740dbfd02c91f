import { describe, expect, it } from 'vitest';
import { fixtureVillage } from './fixtures.ts';
import { planHouseholdQuery } from './query.ts';

const village = fixtureVillage();
/** Shown names of the households a query finds, in result order. */
const names = (q: string): string[] => village.search(q).map((r) => r.name);

describe('recall for names published in full', () => {
  it.each([
    ['full name', '王小明'],
    ['given name', '小明'],
    ['full pinyin', 'wangxiaoming'],
    ['pinyin with spaces and capitals', 'Wang Xiao Ming'],
    ['pinyin prefix, half typed', 'wangxiaomi'],
    ['pinyin prefix', 'wangx'],
    ['initials', 'wxm'],
    ['mixed syllable and initials', 'wangxm'],
    ['given-name pinyin', 'xiaoming'],
  ])('%s: %s finds 王小明', (_, q) => {
    expect(names(q)).toContain('王小明');
  });

  it('the surname finds every household of that surname, masked ones included', () => {
    expect(names('王')).toEqual(expect.arrayContaining(['王小明', '王*明', '王*']));
    expect(names('wang')).toEqual(expect.arrayContaining(['王小明', '王*明', '王*']));
    expect(names('王')).not.toContain('陈小明');
  });

  it('the last character finds full and masked names ending in it', () => {
    expect(names('明')).toEqual(expect.arrayContaining(['王小明', '王*明', '陈小明', '欧**明']));
  });

  it('an exact name comes before other households that merely share characters', () => {
    expect(names('王小明')[0]).toBe('王小明');
    expect(names('王小明')).not.toContain('陈小明');
  });

  it('rare characters outside the common block are indexed (䶮, 𠇔)', () => {
    expect(names('䶮')).toEqual(['刘䶮']);
    expect(names('刘䶮')).toEqual(['刘䶮']);
    expect(names('liuyan')).toContain('刘䶮');
    expect(names('𠇔')).toEqual(['张𠇔']);
    expect(names('张𠇔')).toEqual(['张𠇔']);
  });

  it.each([
    ['shantianfang', '单田芳'],
    ['stf', '单田芳'],
    ['zengguofan', '曾国藩'],
    ['xiexiaodong', '解晓东'],
    ['qiuying', '仇英'],
  ])('surname readings: %s finds %s', (q, name) => {
    expect(names(q)).toContain(name);
  });

  it('ü can be typed as v or u', () => {
    expect(names('lvlv')).toContain('吕绿');
    expect(names('lulu')).toContain('吕绿');
  });

  it('no English stop words or stemming: he, an, xiaoying', () => {
    expect(names('he')).toContain('何安');
    expect(names('an')).toContain('何安');
    expect(names('hean')).toContain('何安');
    expect(names('lixiaoying')).toContain('李晓英');
    expect(names('xiaoying')).toContain('李晓英');
  });

  it('initials that also spell syllables still find the name (ha: 何安, sh: 单田芳)', () => {
    expect(names('ha')).toContain('何安');
    expect(names('sh')).toEqual(expect.arrayContaining(['单田芳']));
  });

  it('initials cannot find a name with fewer characters than were typed', () => {
    expect(names('qy')).toContain('仇英');
    expect(names('qqqq')).toEqual([]);
  });

  it('finds nothing for letters that cannot be pinyin', () => {
    expect(names('vvv')).toEqual([]);
    expect(names('iu')).toEqual([]);
  });
});

describe('masked households found from the full name typed', () => {
  it.each(['王大明', 'wangdaming', 'wdm', 'wangdm', '王*明'])('%s finds the masked 王*明 households', (q) => {
    const found = village.search(q).filter((r) => r.name === '王*明');
    expect(found.map((r) => r.idLast4).sort()).toEqual(['1234', '5678']);
    expect(found.every((r) => r.via === 'mask')).toBe(true);
  });

  it('namesakes by mask are told apart by the ID last 4 typed with the name', () => {
    expect(village.search('王大明 1234').map((r) => [r.name, r.idLast4])).toEqual([['王*明', '1234']]);
    expect(village.search('wdm 5678').map((r) => [r.name, r.idLast4])).toEqual([['王*明', '5678']]);
  });

  it('a two-character name is found through its mask 王*', () => {
    expect(names('王五')).toEqual(['王*']);
    expect(names('wangwu')).toContain('王*');
  });

  it('a compound surname is found through its mask 欧**明', () => {
    expect(names('欧阳小明')).toEqual(['欧**明']);
    expect(names('ouyangxiaoming')).toContain('欧**明');
  });

  it('hidden characters cannot find a masked household', () => {
    expect(names('大明')).not.toContain('王*明');
    expect(names('daming')).not.toContain('王*明');
    // wang|w is all in the visible surname; it is not a reading of 王*明 (length 2 ≠ 3).
    expect(names('wangw')).not.toContain('王*明');
  });

  it('a household with payments from a masked fund is shown masked, with all its payments', () => {
    const r = village.search('王东明').find((x) => x.idLast4 === '5678');
    expect(r?.name).toBe('王*明');
    expect(r?.payments.map((p) => p.fund)).toEqual(['耕地地力保护补贴', '最低生活保障金']);
    expect(r?.totalFen).toBe(12_345 + 12_346);
  });
});

describe('numbers', () => {
  it('finds a household by its number, with or without leading zeros, and by ID last 4 ending in X', () => {
    expect(names('0001')).toEqual(['王小明']);
    expect(names('15')).toEqual(['陈小明']);
    expect(names('800x')).toEqual(['陈小明']);
    expect(names('800X')).toEqual(['陈小明']);
  });
});

describe('query plans', () => {
  it('never asks for a wildcard on a single letter', () => {
    for (const q of ['w', 'wx', 'wxm', 'wangx']) {
      for (const plan of planHouseholdQuery(q).plans) {
        for (const c of plan.clauses) if (c.term.length === 1) expect(c.prefix).toBe(false);
      }
    }
  });

  it('asks a long Chinese name as adjacent pairs, all required', () => {
    const byName = planHouseholdQuery('王小明').plans.find((p) => p.via === 'name');
    expect(byName?.clauses.map((c) => c.term)).toEqual(['王小', '小明']);
  });

  it('reduces a typed full name to first, last and length for masked names', () => {
    const byMask = planHouseholdQuery('王小明').plans.find((p) => p.via === 'mask');
    expect(byMask?.clauses.map((c) => `${c.fields.join('')}:${c.term}`).sort()).toEqual(['c:3', 'e:明', 's:王']);
  });
});
