// Pinyin of name characters, at build time only (pinyin-pro is too big for the page).
// Surname readings matter: 单 is shan, 曾 zeng, 解 xie, 仇 qiu as surnames. ü is written
// `v` (lv), with the `u` spelling (lu) as a variant, since people type either.
import { pinyin } from 'pinyin-pro';
import { unique } from './tokenize.ts';
import type { PinyinDict } from './types.ts';

const LATIN_SYLLABLE = /^[a-z]+$/;

function clean(list: string[]): string[] {
  return list.filter((s) => LATIN_SYLLABLE.test(s));
}

/**
 * One reading per character of a full name, read in context with surname readings for
 * its head (王小明 → wang xiao ming; 单田芳 → shan tian fang). A character pinyin-pro does
 * not know (𠇔) gets no reading.
 */
export function nameReadings(chars: readonly string[]): string[][] {
  const read = pinyin(chars.join(''), { toneType: 'none', type: 'array', mode: 'surname', surname: 'head', v: true });
  // pinyin-pro returns one entry per character, but guard against any split it makes.
  if (read.length !== chars.length) return chars.map((c) => charReadings(c, 1));
  return read.map((r) => clean([r]));
}

/**
 * Readings of a first character alone, as a surname and as an ordinary character:
 * 单 → shan, dan. Used for the head of every name, masked or not.
 */
export function surnameReadings(char: string): string[] {
  return memo(surnameCache, char, () => readHead(char));
}

// pinyin-pro costs ~0.1 ms a call; a county has a few thousand distinct name characters.
const surnameCache = new Map<string, string[]>();
const charCache = new Map<string, string[]>();
function memo(cache: Map<string, string[]>, key: string, make: () => string[]): string[] {
  let v = cache.get(key);
  if (!v) cache.set(key, (v = make()));
  return v;
}

// Compound surnames (复姓) whose first character reads differently there than alone:
// 尉迟 yu chi (尉 alone: wei), 万俟 mo qi, 单于 chan yu. A masked 尉*民 (尉迟民) is only found
// by yuchimin / ycm if its head carries that reading too (seed bench: 8 misses before).
const COMPOUND_SURNAMES = ['尉迟', '万俟', '单于', '长孙', '令狐', '澹台', '乐正', '仲孙', '宰父', '亓官'];
let compoundHeads: Map<string, string[]> | undefined;

function readHead(char: string): string[] {
  compoundHeads ??= new Map(
    COMPOUND_SURNAMES.map((c) => [
      Array.from(c)[0]!,
      pinyin(c, { toneType: 'none', type: 'array', mode: 'surname', v: true }).slice(0, 1),
    ]),
  );
  const asSurname = pinyin(char, { toneType: 'none', type: 'array', mode: 'surname', v: true });
  const ordinary = pinyin(char, { toneType: 'none', type: 'array', v: true });
  return clean([...new Set([...asSurname, ...ordinary, ...(compoundHeads.get(char) ?? [])])]);
}

/** Up to `max` readings of one character without context, commonest first: 乐 → le, yue. */
export function charReadings(char: string, max: number): string[] {
  const all = memo(charCache, char, () => clean(pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true })));
  return all.slice(0, max);
}

/** Every reading the character could have anywhere (for the privacy scan's allow-list). */
export function allReadings(char: string): string[] {
  return [...new Set([...surnameReadings(char), ...charReadings(char, 99)])];
}

/** Full pinyin of a text, syllables separated by `sep`: 东山村 → dong shan cun. */
export function textPinyin(text: string, sep = ' '): string {
  return clean(pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })).join(sep);
}


/**
 * The pinyin dictionary of a file: for every character of the shown names, the readings
 * used for it — in context for full names, as surname and ordinary for heads, the two
 * commonest for a masked name's last character. Only shown characters ever get an entry,
 * so a masked name's hidden characters cannot reach the file this way.
 */
export function pinyinDictionary(shownNames: Iterable<string>): PinyinDict {
  const acc = new Map<string, Set<string>>();
  const add = (char: string, readings: string[]): void => {
    if (readings.length === 0) return;
    let set = acc.get(char);
    if (!set) acc.set(char, (set = new Set()));
    for (const r of readings) set.add(r);
  };
  for (const name of shownNames) {
    const chars = Array.from(name).filter((c) => c === '*' || /^\p{Script=Han}$/u.test(c));
    const head = chars[0];
    if (head === undefined || head === '*') continue;
    add(head, surnameReadings(head));
    if (chars.includes('*')) {
      const last = chars[chars.length - 1]!;
      if (chars.length >= 3 && last !== '*') add(last, charReadings(last, 2));
    } else {
      const read = nameReadings(chars);
      chars.forEach((c, i) => add(c, read[i] ?? []));
    }
  }
  const dict: PinyinDict = {};
  for (const [char, set] of [...acc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) dict[char] = unique(set).join('/');
  return dict;
}
