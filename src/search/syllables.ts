// Toneless pinyin syllables (ü written `v`, with `lue`/`nue` accepted as spellings of
// lüe/nüe) and the segmentation of typed Latin letters into name units. Runs in the
// browser: no pinyin-pro here (search-notes: it is needed only at build time).

const SYLLABLE_TEXT =
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can ' +
  'cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai ' +
  'chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den ' +
  'deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang ' +
  'fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang ' +
  'gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ' +
  'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken ' +
  'keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian ' +
  'liang liao lie lin ling liu lo long lou lu luan lue lun luo lv lve ma mai man mang mao me mei ' +
  'men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian ' +
  'niang niao nie nin ning niu nong nou nu nuan nue nuo nv nve o ou pa pai pan pang pao pei pen ' +
  'peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu ' +
  'quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang ' +
  'sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan ' +
  'shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti ' +
  'tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia ' +
  'xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo ' +
  'yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe ' +
  'zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu ' +
  'zuan zui zun zuo';

/** Every toneless syllable a name character can be read as. */
export const SYLLABLES: ReadonlySet<string> = new Set(SYLLABLE_TEXT.split(' '));

const PREFIXES: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const s of SYLLABLES) for (let i = 1; i <= s.length; i++) set.add(s.slice(0, i));
  return set;
})();

/** Initials a person may type for one character: its first letter, or zh/ch/sh. */
export const INITIALS: ReadonlySet<string> = new Set([
  ...'bcdfghjklmnpqrstwxyzaoe'.split(''),
  'zh',
  'ch',
  'sh',
]);

/** One typed name unit: a whole syllable, an initial, or (last unit only) a syllable prefix. */
export interface LatinUnit {
  text: string;
  kind: 'syllable' | 'initial' | 'prefix';
}

interface Partial {
  units: LatinUnit[];
  /** units that are not whole syllables: fewer means a likelier reading */
  guesses: number;
}

const KEEP_PER_POSITION = 8;
const MAX_READINGS = 6;
/** Longest name read letter by letter as initials (compound surname + two: 欧阳小明). */
const MAX_NAME_LENGTH = 4;

/**
 * Readings of a run of Latin letters as name units, likeliest first: `wangxm` →
 * wang|x|m, `xian` → xian and xi|an. Only readings with the fewest initials are kept
 * (`wang` is not also wa|n|g), plus, for up to 4 letters, one initial per letter
 * (`sax` → sa|x and s|a|x). Empty when the letters are not pinyin.
 */
export function segmentLatin(letters: string): LatinUnit[][] {
  const s = letters.toLowerCase();
  const n = s.length;
  if (n === 0) return [];
  // best[i]: a few cheapest segmentations of s[0..i)
  const best: Partial[][] = Array.from({ length: n + 1 }, () => []);
  best[0] = [{ units: [], guesses: 0 }];
  for (let i = 0; i < n; i++) {
    const from = best[i]!;
    if (from.length === 0) continue;
    for (let j = i + 1; j <= Math.min(n, i + 6); j++) {
      const piece = s.slice(i, j);
      const unit = unitFor(piece, j === n);
      if (!unit) continue;
      const cost = unit.kind === 'syllable' ? 0 : 1;
      for (const p of from) best[j]!.push({ units: [...p.units, unit], guesses: p.guesses + cost });
      best[j] = cheapest(best[j]!, KEEP_PER_POSITION);
    }
  }
  const done = cheapest(best[n]!, KEEP_PER_POSITION);
  const fewest = done[0]?.guesses ?? 0;
  const out = done
    .filter((p) => p.guesses === fewest)
    .slice(0, MAX_READINGS)
    .map((p) => p.units);
  // Short input may be one initial per character even where syllables fit: sax is
  // 孙爱新 (s|a|x), not only sa|x; shk is 孙红凯 (s|h|k), not only sh|k.
  const chars = [...s];
  if (n <= MAX_NAME_LENGTH && chars.every((c) => INITIALS.has(c)) && !out.some((u) => u.length === n)) {
    out.push(chars.map((c): LatinUnit => ({ text: c, kind: 'initial' })));
  }
  return out;
}

function unitFor(piece: string, isLast: boolean): LatinUnit | undefined {
  if (SYLLABLES.has(piece)) return { text: piece, kind: 'syllable' };
  if (INITIALS.has(piece)) return { text: piece, kind: 'initial' };
  if (isLast && PREFIXES.has(piece)) return { text: piece, kind: 'prefix' };
  return undefined;
}

function cheapest(list: Partial[], keep: number): Partial[] {
  return list
    .sort((a, b) => a.guesses - b.guesses || a.units.length - b.units.length)
    .slice(0, keep);
}

/** The spellings a reading may be typed as: lv → lv, lu. */
export function spellings(syllable: string): string[] {
  return syllable.includes('v') ? [syllable, syllable.replace(/v/g, 'u')] : [syllable];
}

/** The initials a person may type for a reading: zhang → z, zh. */
export function initialsOf(syllable: string): string[] {
  const two = syllable.slice(0, 2);
  return two === 'zh' || two === 'ch' || two === 'sh' ? [syllable[0]!, two] : [syllable[0]!];
}

/** Everything the given readings may be typed as: their spellings and their initials. */
export function readingForms(syllables: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const s of syllables) {
    for (const sp of spellings(s)) out.add(sp);
    for (const i of initialsOf(s)) out.add(i);
  }
  return [...out];
}
