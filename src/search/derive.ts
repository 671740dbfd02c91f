// Index tokens derived from what a file ships: the shown rows and a pinyin dictionary.
// The same functions run in the page (to assemble the lunr index) and in the build's
// tests and privacy scan, so what is scanned is exactly what gets searched.
//
// Household fields — the privacy boundary inside the index (design.md, issue 4):
//   s  the first character: itself, its readings (surname and ordinary) and initials
//   n  full names only: every other character, every adjacent pair, readings, initials
//   e  masked names only: the last visible character, its readings and initials
//   c  masked names only: the length, which the mask already shows (王*明, 欧**明)
// A masked name (shown with `*`) yields tokens of its visible characters only.
import { hanGrams, isHan, textTokens, unique } from './tokenize.ts';
import { readingForms } from './syllables.ts';
import type { HouseholdField } from './fields.ts';
import type { PinyinDict, SideKind } from './types.ts';

/** The readings shipped for a character (none for a character pinyin does not know). */
export function readingsOf(char: string, py: PinyinDict): string[] {
  const r = py[char];
  return r ? r.split('/') : [];
}

function charForms(char: string, py: PinyinDict): string[] {
  return [char, ...readingForms(readingsOf(char, py))];
}

/** Tokens of one shown household name (full or masked), per field. */
export function householdTokens(shownName: string, py: PinyinDict): Record<HouseholdField, string[]> {
  const all = Array.from(shownName.trim());
  const masked = all.includes('*') || all.includes('＊');
  const out: Record<HouseholdField, string[]> = { s: [], n: [], e: [], c: [] };
  const head = all[0];
  if (head !== undefined && isHan(head)) out.s = charForms(head, py);
  if (masked) {
    const last = all[all.length - 1];
    if (all.length >= 3 && last !== undefined && isHan(last)) out.e = charForms(last, py);
    out.c = [String(all.length)];
  } else {
    const chars = all.filter(isHan);
    const rest = chars.slice(1).flatMap((c) => charForms(c, py));
    out.n = unique([...rest, ...hanGrams(chars).slice(chars.length)]);
  }
  return out;
}

/** Tokens of a staff row [name, …]: names are public, so the full-name fields. */
export function staffTokens(row: readonly unknown[], py: PinyinDict): { s: string[]; n: string[] } {
  const { s, n } = householdTokens(String(row[0] ?? ''), py);
  return { s, n };
}

// Which columns of a side row are words (`t`) and which are codes (`k`); see side-indexes.ts.
const TEXT_COLUMNS: Record<Exclude<SideKind, 'staff'>, { t: number[]; k: number[] }> = {
  projects: { t: [1, 3, 4, 5], k: [0, 2] }, // [code, name, fundCode, township, village, place, amountFen, status]
  funds: { t: [1, 5], k: [0, 2] }, // [code, name, year, kind, nameDisplay, office]
  units: { t: [1], k: [0] }, // [code, name]
  institutions: { t: [1, 3], k: [0] }, // [code, name, kind, parent]
};

/** Tokens of a row of a text index (projects, funds, units, institutions). */
export function textRowTokens(kind: Exclude<SideKind, 'staff'>, row: readonly unknown[]): { t: string[]; k: string[] } {
  const cols = TEXT_COLUMNS[kind];
  const pick = (idx: number[]): string[] => unique(idx.flatMap((i) => textTokens(String(row[i] ?? ''))));
  return { t: pick(cols.t), k: pick(cols.k) };
}
