// The fund list's filters (year, responsible office, paid to households or projects) as
// static pages: every combination is its own small page, so filtering needs no JavaScript
// and works from any static host. Few funds → at most a few hundred tiny pages.
import type { FundSummary } from '../funds/queries.ts';
import { paths } from './paths.ts';

export const ALL = 'all';

export interface FundFilter {
  year: string;
  office: string;
  kind: string;
}

export interface Facets {
  years: string[];
  offices: string[];
  kinds: string[];
}

/** The values each filter offers, from the funds themselves. */
export function facetsOf(funds: readonly FundSummary[]): Facets {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    years: uniq(funds.map((f) => String(f.year))).sort().reverse(),
    offices: uniq(funds.map((f) => f.office)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    kinds: uniq(funds.map((f) => f.kind)).sort(),
  };
}

/** Funds passing the filter. */
export function applyFilter(funds: readonly FundSummary[], f: FundFilter): FundSummary[] {
  return funds.filter(
    (x) => (f.year === ALL || String(x.year) === f.year) && (f.office === ALL || x.office === f.office) && (f.kind === ALL || x.kind === f.kind),
  );
}

/** Path of a filter combination; no filter at all is the plain list. */
export function filterPath(f: FundFilter): string {
  return f.year === ALL && f.office === ALL && f.kind === ALL ? paths.funds() : paths.fundFilter(f.year, f.office, f.kind);
}

/** Every combination except all-ALL (which is /funds/ itself). */
export function allFilters(facets: Facets): FundFilter[] {
  const out: FundFilter[] = [];
  for (const year of [ALL, ...facets.years])
    for (const office of [ALL, ...facets.offices])
      for (const kind of [ALL, ...facets.kinds]) if (year !== ALL || office !== ALL || kind !== ALL) out.push({ year, office, kind });
  return out;
}
