// Tokens for Chinese text, shared by the shard builder and the browser query code.
// lunr's own tokenizer splits on whitespace and its trimmer uses `\W` without Unicode,
// which turns every Chinese token into "" (search-notes): we tokenize ourselves and hand
// lunr ready-made token arrays. Han runs are found by Unicode script so rare name
// characters (䶮, 𠇔 — outside U+4E00–U+9FA5, 𠇔 even outside the BMP) survive.

const PIECE = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)|([*＊])/gu;

/** A piece of typed or stored text: a run of Han characters, a Latin/digit word, or a `*`. */
export type Piece = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string } | { kind: 'star' };

/** Normalises text the same way on both sides: NFKC (full-width → ASCII), lower case, ü → v. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ü/g, 'v');
}

/** Splits text into Han runs (as code points), words and `*` placeholders, in order. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const m of normalize(text).matchAll(PIECE)) {
    if (m[1] !== undefined) out.push({ kind: 'han', chars: Array.from(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'word', text: m[2] });
    else out.push({ kind: 'star' });
  }
  return out;
}

/** True for a single Han character (by script, so 䶮 and 𠇔 count). */
export function isHan(char: string): boolean {
  return /^\p{Script=Han}$/u.test(char);
}

/** Every character and every adjacent pair of a Han run: 王小明 → 王 小 明 王小 小明. */
export function hanGrams(chars: readonly string[]): string[] {
  const out: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Splits a mixed word like `g207` into `g`, `207` (and keeps the word itself). */
function wordTokens(word: string): string[] {
  const parts = word.match(/\p{L}+|\p{N}+/gu) ?? [];
  return parts.length > 1 ? [word, ...parts] : [word];
}

/** Index tokens of free text (project names, places, units): Han grams plus words. */
export function textTokens(text: string): string[] {
  const out: string[] = [];
  for (const p of pieces(text)) {
    if (p.kind === 'han') out.push(...hanGrams(p.chars));
    else if (p.kind === 'word') out.push(...wordTokens(p.text));
  }
  return unique(out);
}

/** One query term over free text: all are required; `prefix` asks for a trailing wildcard. */
export interface TextTerm {
  term: string;
  prefix: boolean;
}

/**
 * Query terms for free text: one Han character → itself; longer Han runs → adjacent
 * pairs; words → themselves, the last one as a prefix when it has 2+ characters
 * (a one-letter wildcard expands to most of the index and is slow: search-notes).
 */
export function textQueryTerms(text: string): TextTerm[] {
  const out: TextTerm[] = [];
  let lastWord: TextTerm | undefined;
  for (const p of pieces(text)) {
    lastWord = undefined;
    if (p.kind === 'han') {
      if (p.chars.length === 1) out.push({ term: p.chars[0]!, prefix: false });
      for (let i = 0; i + 1 < p.chars.length; i++) out.push({ term: p.chars[i]! + p.chars[i + 1]!, prefix: false });
    } else if (p.kind === 'word') {
      lastWord = { term: p.text, prefix: false };
      out.push(lastWord);
    }
  }
  if (lastWord && lastWord.term.length >= 2) lastWord.prefix = true;
  return out;
}

/** Removes repeats, keeping first occurrences in order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
