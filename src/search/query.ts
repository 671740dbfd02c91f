// Turning what a person types into lunr queries over a village shard (runs in the page).
// Never `index.search(string)`: it splits on whitespace and ignores our tokens (lunr
// issues #493, #365). What is typed is read as a sequence of name units (a Han
// character, a pinyin syllable, an initial, or `*`), then asked two ways:
//   by name  (full-name documents): every pair of adjacent typed characters, or every
//            unit, must be in the name — 王小明, 小明, wangxiaoming, wangxm, wxm;
//   by mask  (masked documents): the typed full name is reduced to what its mask shows
//            — first unit, last unit, length — 王小明 → s=王 e=明 c=3.
// Namesakes and mask collisions are then told apart by the ID's last 4 shown in results.
import lunr from 'lunr';
import { pieces, textQueryTerms } from './tokenize.ts';
import { segmentLatin, type LatinUnit } from './syllables.ts';
import { STAFF_FIELDS, TEXT_FIELDS, type HouseholdField } from './fields.ts';

type NameUnit = { kind: 'han'; char: string } | { kind: 'latin'; unit: LatinUnit } | { kind: 'unknown' };

/** One lunr clause of a planned query. */
export interface PlannedClause {
  term: string;
  fields: HouseholdField[];
  prefix: boolean;
}

/** One way of reading the query: all its clauses must match. `via` says which documents it targets. */
export interface QueryPlan {
  via: 'name' | 'mask';
  clauses: PlannedClause[];
  /** name units typed: a name with fewer characters cannot be meant */
  units: number;
}

const MAX_SEQUENCES = 6;

/** A query read for a village: lunr plans for the name part, and numbers (户号 / ID last 4) to filter rows by. */
export interface HouseholdQuery {
  plans: QueryPlan[];
  numbers: string[];
  /** true when letters were typed that cannot be pinyin: nothing can match */
  impossible: boolean;
}

/** The ways a query can be read, best first (pure: no index needed). */
export function planHouseholdQuery(raw: string): HouseholdQuery {
  const { sequences, numbers, impossible } = readQuery(raw);
  const byName: QueryPlan[] = [];
  const byMask: QueryPlan[] = [];
  for (const units of sequences) {
    if (units.length === 1) {
      const c = singleUnitClause(units[0]!);
      if (c) byName.push({ via: 'name', clauses: [c], units: 1 });
    } else if (units.length >= 2) {
      const name = nameClauses(units);
      if (name) byName.push({ via: 'name', clauses: name, units: units.length });
      byMask.push({ via: 'mask', clauses: maskClauses(units), units: units.length });
    }
  }
  return { plans: dedupePlans([...byName, ...byMask]), numbers, impossible };
}

/** A household found: `ref` is its row in the village index and store. */
export interface HouseholdHit {
  ref: number;
  via: 'name' | 'mask';
}

/** What a village search needs: its lunr index and rows [shown name, 户号, ID last 4]. */
export interface SearchableVillage {
  index: lunr.Index;
  rows: readonly (readonly [string, string, string])[];
}

/**
 * Finds households: name matches first, then mask matches (a typed full name reduced to
 * its mask), each in row order; numbers typed (户号, ID last 4) narrow the result.
 */
export function searchHouseholds(village: SearchableVillage, raw: string, limit = 50): HouseholdHit[] {
  const q = planHouseholdQuery(raw);
  if (q.impossible) return [];
  const fits = (ref: number): boolean => q.numbers.every((n) => rowHasNumber(village.rows[ref], n));
  const out: HouseholdHit[] = [];
  if (q.plans.length === 0) {
    if (q.numbers.length === 0) return [];
    for (let ref = 0; ref < village.rows.length && out.length < limit; ref++) if (fits(ref)) out.push({ ref, via: 'name' });
    return out;
  }
  const seen = new Set<number>();
  for (const plan of q.plans) {
    const refs = runPlan(village.index, plan.clauses)
      .map((r) => Number(r.ref))
      .sort((a, b) => a - b);
    for (const ref of refs) {
      if (seen.has(ref) || !fits(ref) || !plausible(village.rows[ref], plan)) continue;
      seen.add(ref);
      out.push({ ref, via: plan.via });
    }
  }
  return out.slice(0, limit);
}

/**
 * lunr cannot see order or length: a name shorter than the units typed cannot be meant,
 * and a masked row can only match several units through its mask (its `s` tokens
 * alone would otherwise satisfy e.g. wang|w).
 */
function plausible(row: readonly [string, string, string] | undefined, plan: QueryPlan): boolean {
  if (!row) return false;
  if (Array.from(row[0]).length < plan.units) return false;
  return plan.via === 'mask' || plan.units === 1 || !row[0].includes('*');
}

function rowHasNumber(row: readonly [string, string, string] | undefined, typed: string): boolean {
  if (!row) return false;
  const no = row[1].toLowerCase();
  return no.startsWith(typed) || no.replace(/^0+/, '').startsWith(typed) || row[2].toLowerCase().startsWith(typed);
}

/** Runs clauses that must all match. A lone clause is sent as optional: a required wildcard is 15–20× slower. */
export function runPlan(index: lunr.Index, clauses: readonly { term: string; fields: string[]; prefix: boolean }[]): lunr.Index.Result[] {
  const presence = clauses.length === 1 ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED;
  return index.query((q) => {
    for (const c of clauses) {
      q.term(c.term, {
        fields: c.fields,
        presence,
        usePipeline: false,
        wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
      });
    }
  });
}

function readQuery(raw: string): { sequences: NameUnit[][]; numbers: string[]; impossible: boolean } {
  let sequences: NameUnit[][] = [[]];
  const numbers: string[] = [];
  for (const p of pieces(raw)) {
    if (p.kind === 'han') {
      const units = p.chars.map((char): NameUnit => ({ kind: 'han', char }));
      sequences = sequences.map((s) => [...s, ...units]);
    } else if (p.kind === 'star') {
      sequences = sequences.map((s) => [...s, { kind: 'unknown' }]);
    } else if (/^\d+x?$/.test(p.text)) {
      numbers.push(p.text); // 户号, or ID last 4 (which may end in X)
    } else {
      for (const part of p.text.match(/[a-z]+|\d+/g) ?? []) {
        if (/^\d/.test(part)) {
          numbers.push(part);
          continue;
        }
        const readings = segmentLatin(part);
        if (readings.length === 0) return { sequences: [], numbers: [], impossible: true };
        sequences = sequences
          .flatMap((s) => readings.map((r) => [...s, ...r.map((unit): NameUnit => ({ kind: 'latin', unit }))]))
          .slice(0, MAX_SEQUENCES);
      }
    }
  }
  return { sequences, numbers, impossible: false };
}

function singleUnitClause(u: NameUnit): PlannedClause | undefined {
  if (u.kind === 'han') return { term: u.char, fields: ['s', 'n', 'e'], prefix: false };
  if (u.kind === 'unknown') return undefined;
  // One letter: the surname's initial (the kiosk letter pad starts there), exact, never a wildcard.
  if (u.unit.text.length === 1) return { term: u.unit.text, fields: ['s'], prefix: false };
  return { term: u.unit.text, fields: ['s', 'n', 'e'], prefix: true };
}

function latinClause(unit: LatinUnit, isLast: boolean, fields: HouseholdField[]): PlannedClause {
  // The last unit may be half typed (wangxiaomi…): a prefix, unless it is one letter.
  return { term: unit.text, fields, prefix: isLast && unit.text.length >= 2 && unit.kind !== 'initial' };
}

function nameClauses(units: NameUnit[]): PlannedClause[] | undefined {
  if (units.some((u) => u.kind === 'unknown')) return undefined;
  const out: PlannedClause[] = [];
  units.forEach((u, i) => {
    const prev = units[i - 1];
    const next = units[i + 1];
    if (u.kind === 'han') {
      if (next?.kind === 'han') out.push({ term: u.char + next.char, fields: ['n'], prefix: false });
      else if (prev?.kind !== 'han') out.push({ term: u.char, fields: ['s', 'n'], prefix: false });
    } else if (u.kind === 'latin') {
      out.push(latinClause(u.unit, i === units.length - 1, ['s', 'n']));
    }
  });
  return out;
}

function maskClauses(units: NameUnit[]): PlannedClause[] {
  const out: PlannedClause[] = [{ term: String(units.length), fields: ['c'], prefix: false }];
  const first = units[0]!;
  if (first.kind === 'han') out.push({ term: first.char, fields: ['s'], prefix: false });
  if (first.kind === 'latin') out.push(latinClause(first.unit, false, ['s']));
  const last = units[units.length - 1]!;
  // A two-character name is masked as 王*: its last character is hidden, so not asked for.
  if (units.length >= 3 && last.kind === 'han') out.push({ term: last.char, fields: ['e'], prefix: false });
  if (units.length >= 3 && last.kind === 'latin') out.push(latinClause(last.unit, true, ['e']));
  return out;
}

function dedupePlans(plans: QueryPlan[]): QueryPlan[] {
  const seen = new Set<string>();
  return plans.filter((p) => {
    const key = p.via + JSON.stringify(p.clauses);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Free-text search over a side index (projects, funds, units, institutions): all terms required. */
export function searchText(index: lunr.Index, raw: string, limit = 50): lunr.Index.Result[] {
  const clauses = textQueryTerms(raw).map((t) => ({ term: t.term, fields: [...TEXT_FIELDS], prefix: t.prefix }));
  return clauses.length === 0 ? [] : runPlan(index, clauses).slice(0, limit);
}

/** Name search over an index of full names (staff): the by-name readings only. */
export function searchFullNames(index: lunr.Index, raw: string, limit = 50): lunr.Index.Result[] {
  const have = new Set<string>(STAFF_FIELDS);
  const seen = new Set<string>();
  const out: lunr.Index.Result[] = [];
  const q = planHouseholdQuery(raw);
  if (q.impossible) return [];
  for (const plan of q.plans) {
    if (plan.via !== 'name') continue;
    const clauses = plan.clauses.map((c) => ({ ...c, fields: c.fields.filter((f) => have.has(f)) }));
    if (clauses.some((c) => c.fields.length === 0)) continue;
    for (const r of runPlan(index, clauses)) {
      if (!seen.has(r.ref)) out.push(r);
      seen.add(r.ref);
    }
  }
  return out.slice(0, limit);
}
