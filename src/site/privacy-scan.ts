// Scans a whole built site (every file under client/, .gz twins decompressed) for personal
// data the rules forbid (design.md): a full ID number — any 18-digit string whose GB 11643
// check digit is valid — and the full name of a recipient whose payments are published
// masked. Used by the browser-test suite after every build, and usable on any build.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../db/client.ts';
import { ROOT } from '../db/client.ts';
import { idCheckChar } from '../privacy/id-number.ts';
import { SUBJECT_NAMES } from '../budgets/subjects.ts';
import { dictionaryOf, LOCALES } from './i18n/index.ts';

export interface Leak {
  file: string;
  kind: 'id-number' | 'full-name';
  /** enough to find it, not enough to repeat it: region code or the name's first character */
  hint: string;
}

export interface NameRules {
  /** full names that must not appear (recipients published masked only) */
  forbidden: ReadonlySet<string>;
  /** names that are public by law and may contain or equal a forbidden one (staff, 全名 funds) */
  allowed: ReadonlySet<string>;
  /**
   * Runs of Han characters the site prints from sources that are not about a person (UI
   * strings, notices, fund, place, unit and subject names): a two-character name like 金额
   * is also a word, and such a run is text, not a leak.
   */
  publicText?: ReadonlySet<string>;
}

const ID = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const HAN = /\p{Script=Han}{2,}/gu;

/**
 * The names rules for a database: full names of recipients with no published payment from
 * a full-name fund are forbidden, unless the same name is public anyway (a staff member,
 * or another person paid by a full-name fund).
 */
export function nameRules(db: Db): NameRules {
  const q = db.$client;
  const published = `batch_id IN (SELECT id FROM import_batches WHERE status = 'published')`;
  const fullPaid = `SELECT d.recipient_id FROM disbursements d JOIN funds f ON f.id = d.fund_id WHERE f.name_display = 'full' AND d.${published}`;
  const allowed = new Set<string>([
    ...(q.prepare(`SELECT name FROM staff WHERE ${published}`).pluck().all() as string[]),
    ...(q.prepare(`SELECT full_name FROM recipient_names WHERE recipient_id IN (${fullPaid})`).pluck().all() as string[]),
  ]);
  const forbidden = new Set<string>();
  const masked = q
    .prepare(
      `SELECT DISTINCT rn.full_name FROM recipient_names rn
        WHERE rn.recipient_id IN (SELECT recipient_id FROM disbursements WHERE ${published})
          AND rn.recipient_id NOT IN (${fullPaid})`,
    )
    .pluck()
    .all() as string[];
  for (const n of masked) if (!allowed.has(n) && Array.from(n).length >= 2) forbidden.add(n);
  return { forbidden, allowed, publicText: publicText(db) };
}

const TEXT_COLUMNS = [
  'SELECT name || policy_basis || office FROM funds',
  'SELECT name || place || contractor FROM projects',
  'SELECT DISTINCT channel FROM disbursements',
  'SELECT name FROM townships UNION SELECT name FROM villages',
  'SELECT name FROM budget_units UNION SELECT DISTINCT subject_name FROM budget_lines',
  'SELECT name || parent FROM institutions UNION SELECT DISTINCT post FROM staff',
];

/** Han runs of everything the site prints that is not about a person. */
export function publicText(db: Db, contentDir = join(ROOT, 'content')): Set<string> {
  const texts: string[] = [...Object.values(SUBJECT_NAMES)];
  for (const locale of LOCALES) texts.push(...Object.values(dictionaryOf(locale)));
  for (const sql of TEXT_COLUMNS) texts.push(...(db.$client.prepare(sql).pluck().all() as string[]));
  for (const e of readdirSync(contentDir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.md')) texts.push(readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  const runs = new Set<string>();
  for (const t of texts) for (const m of String(t).matchAll(HAN)) runs.add(m[0]);
  return runs;
}

/** Positions [start, end) in `run` covered by allowed names. */
function allowedSpans(run: string, allowed: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < run.length; i++) for (let len = 2; len <= 4 && i + len <= run.length; len++) if (allowed.has(run.slice(i, i + len))) spans.push([i, i + len]);
  return spans;
}

/** A forbidden name inside a run of Han characters, unless it is part of an allowed name there. */
function forbiddenIn(run: string, rules: NameRules): string | null {
  let spans: [number, number][] | null = null;
  for (let i = 0; i < run.length; i++) {
    for (let len = 2; len <= 4 && i + len <= run.length; len++) {
      const s = run.slice(i, i + len);
      if (!rules.forbidden.has(s)) continue;
      spans ??= allowedSpans(run, rules.allowed);
      if (!spans.some(([a, b]) => a <= i && i + len <= b)) return s;
    }
  }
  return null;
}

/** Scan one file's text. `seen` caches verdicts per Han run (runs repeat across pages). */
export function scanText(file: string, text: string, rules: NameRules, seen: Map<string, string | null>): Leak[] {
  const leaks: Leak[] = [];
  for (const m of text.matchAll(ID)) {
    if (idCheckChar(m[0]) === m[0].slice(-1).toUpperCase()) leaks.push({ file, kind: 'id-number', hint: `${m[0].slice(0, 6)}…` });
  }
  if (rules.forbidden.size > 0) {
    for (const m of text.matchAll(HAN)) {
      const run = m[0];
      if (rules.publicText?.has(run)) continue;
      let hit = seen.get(run);
      if (hit === undefined) seen.set(run, (hit = forbiddenIn(run, rules)));
      if (hit) leaks.push({ file, kind: 'full-name', hint: `${Array.from(hit)[0]}…` });
    }
  }
  return leaks;
}

/** Every file under `root`, recursively. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const entries: Dirent[] = await readdir(root, { withFileTypes: true, recursive: true });
  for (const e of entries) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

/** Scan every file under `root` (a build's client/ directory); returns the leaks, none when clean. */
export async function scanSite(root: string, rules: NameRules): Promise<{ files: number; bytes: number; leaks: Leak[] }> {
  const files = await walk(root);
  const seen = new Map<string, string | null>();
  const leaks: Leak[] = [];
  let bytes = 0;
  for (const path of files) {
    let data = await readFile(path);
    if (path.endsWith('.gz')) data = gunzipSync(data);
    bytes += data.length;
    leaks.push(...scanText(relative(root, path), data.toString('utf8'), rules, seen));
  }
  return { files: files.length, bytes, leaks };
}
