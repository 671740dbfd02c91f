// Scans built search files for personal data that must not be there (design.md privacy
// rules; issue 4). Run by the test suite over every built shard, and usable after any
// build. It checks the files as shipped (and their .gz twins, decompressed), and what the
// page would derive from them (derive.ts), not what the builder meant to write.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { idCheckChar } from '../privacy/id-number.ts';
import { householdTokens, readingsOf } from './derive.ts';
import { allReadings, nameReadings, surnameReadings } from './pinyin.ts';
import { readingForms } from './syllables.ts';
import { isHan } from './tokenize.ts';
import type { PinyinDict } from './types.ts';

/** A full name that must not appear in a village's files (its household is published masked). */
export interface PrivateName {
  villageCode: string;
  fullName: string;
}

/** One thing found. */
export interface PrivacyLeak {
  file: string;
  problem:
    | 'unreadable'
    | 'full-id'
    | 'full-name'
    | 'full-name-pinyin'
    | 'mask-shape'
    | 'hidden-char'
    | 'foreign-reading'
    | 'masked-token'
    | 'id-last4'
    | 'store-text';
  detail: string;
}

const ID_CANDIDATE = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const HAN_RUN = /\p{Script=Han}+/gu;
const MASK = /^(\p{Script=Han})[*＊]+(\p{Script=Han})?$/u;

/**
 * Scans the given files. `fullNames`: the full names of households published masked, by
 * village — leave out a name that a public (全名) household of the same village also bears.
 * Returns every leak found; an empty list means the files are clean.
 */
export async function scanForPrivacyLeaks(shardFiles: readonly string[], fullNames: readonly PrivateName[]): Promise<PrivacyLeak[]> {
  const byVillage = new Map<string, string[]>();
  for (const p of fullNames) {
    const list = byVillage.get(p.villageCode) ?? [];
    list.push(p.fullName.trim());
    byVillage.set(p.villageCode, list);
  }
  const leaks: PrivacyLeak[] = [];
  for (const file of shardFiles) {
    let text: string;
    let json: Record<string, unknown>;
    try {
      const bytes = await readFile(file);
      text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      json = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      leaks.push({ file, problem: 'unreadable', detail: String(e) });
      continue;
    }
    const found = (problem: PrivacyLeak['problem'], detail: string): void => void leaks.push({ file, problem, detail });
    for (const m of text.matchAll(ID_CANDIDATE)) {
      if (idCheckChar(m[0]) === m[0].slice(-1).toUpperCase()) found('full-id', `${m[0].slice(0, 6)}…`);
    }
    const py = (json['py'] ?? {}) as PinyinDict;
    const rows = Array.isArray(json['rows']) ? (json['rows'] as unknown[][]) : [];
    checkDictionary(rows.map((r) => String(r[0] ?? '')), py, found);
    if (typeof json['village'] !== 'string') continue; // side files and locator: checks above only
    if (Array.isArray(json['payments'])) {
      if (/\p{Script=Han}/u.test(JSON.stringify(json['payments']))) found('store-text', 'payments hold text');
    } else {
      checkHouseholdRows(rows, py, found);
    }
    checkNames(text, rows, byVillage.get(json['village']) ?? [], found);
  }
  return leaks;
}

type Found = (problem: PrivacyLeak['problem'], detail: string) => void;

/** Dictionary entries only for shown characters, with readings those characters really have. */
function checkDictionary(shownNames: string[], py: PinyinDict, found: Found): void {
  const shown = new Set(shownNames.flatMap((n) => Array.from(n)));
  for (const char of Object.keys(py)) {
    if (!shown.has(char)) found('hidden-char', `${char} is in the dictionary but in no shown name`);
    const allowed = new Set(allReadings(char));
    for (const r of readingsOf(char, py)) if (!allowed.has(r)) found('foreign-reading', `${char} → ${r}`);
  }
}

/** Masked rows show only first and last character, and derive only tokens of those. */
function checkHouseholdRows(rows: unknown[][], py: PinyinDict, found: Found): void {
  rows.forEach((row, i) => {
    const name = String(row[0] ?? '');
    if (String(row[2] ?? '').length > 4) found('id-last4', `row ${i} keeps more than 4 ID characters`);
    if (!name.includes('*') && !name.includes('＊')) return;
    const chars = Array.from(name);
    const m = MASK.exec(name);
    if (!m || (chars.length >= 3) !== (m[2] !== undefined)) {
      found('mask-shape', `row ${i}: ${name}`);
      return;
    }
    const visible = [m[1]!, ...(m[2] ? [m[2]] : [])];
    const allowed = new Set<string>([String(chars.length), ...visible]);
    for (const c of visible) for (const f of readingForms(allReadings(c))) allowed.add(f);
    const t = householdTokens(name, py);
    for (const token of [...t.s, ...t.n, ...t.e, ...t.c]) {
      if (!allowed.has(token)) found('masked-token', `row ${i} (${name}) would index ${token}`);
    }
  });
}

/** No private full name, in characters or pinyin, anywhere in the village's files. */
function checkNames(text: string, rows: unknown[][], names: string[], found: Found): void {
  if (names.length === 0) return;
  const publicNames = new Set(rows.map((r) => String(r[0] ?? '')).filter((n) => !n.includes('*')));
  // Every substring of every Han run (runs are names and fund names: short), to the runs holding it.
  const within = new Map<string, string[]>();
  for (const run of new Set(text.match(HAN_RUN) ?? [])) {
    const cs = Array.from(run);
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 2; j <= Math.min(cs.length, i + 8); j++) {
        const sub = cs.slice(i, j).join('');
        const list = within.get(sub) ?? [];
        list.push(run);
        within.set(sub, list);
      }
    }
  }
  const latin = new Set(text.toLowerCase().match(/[a-z]+(?:[ '-][a-z]+)*/g) ?? []);
  const latinText = [...latin].join('|');
  for (const name of names) {
    const chars = Array.from(name).filter(isHan);
    if (chars.length < 2) continue;
    const joined = chars.join('');
    // A longer public name may contain it (王小明华 ⊃ 王小明); the name itself may not appear.
    for (const run of within.get(joined) ?? []) {
      if (run === joined || !publicNames.has(run)) found('full-name', joined);
    }
    for (const form of pinyinForms(chars)) if (latinText.includes(form)) found('full-name-pinyin', `${joined} as ${form}`);
  }
}

function pinyinForms(chars: string[]): string[] {
  const read = nameReadings(chars).map((r) => r[0] ?? '');
  if (read.some((r) => r === '')) return [];
  const heads = [...new Set([read[0]!, ...surnameReadings(chars[0]!)])];
  const forms = new Set<string>();
  for (const h of heads) {
    const all = [h, ...read.slice(1)];
    for (const sep of ['', ' ', "'", '-']) forms.add(all.join(sep));
  }
  // Very short concatenations (e.g. "anan") could occur by chance in JSON keys.
  return [...forms].filter((f) => f.replace(/[^a-z]/g, '').length >= 5);
}
