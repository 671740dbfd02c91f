// The CSV kinds, by name, in load order (a kind only references kinds before it).
import { areasKind } from '../areas/csv.ts';
import { budgetLinesKind } from '../budgets/csv.ts';
import { disbursementsKind, fundsKind, projectsKind } from '../funds/csv.ts';
import { institutionsKind, quotasKind, staffKind } from '../staffing/csv.ts';
import type { Columns, CsvKind, KindName } from './kind.ts';
import { KIND_NAMES } from './kind.ts';

export const KINDS: Record<KindName, CsvKind<Columns>> = {
  areas: areasKind as unknown as CsvKind<Columns>,
  funds: fundsKind as unknown as CsvKind<Columns>,
  institutions: institutionsKind as unknown as CsvKind<Columns>,
  disbursements: disbursementsKind as unknown as CsvKind<Columns>,
  projects: projectsKind as unknown as CsvKind<Columns>,
  'budget-lines': budgetLinesKind as unknown as CsvKind<Columns>,
  quotas: quotasKind as unknown as CsvKind<Columns>,
  staff: staffKind as unknown as CsvKind<Columns>,
};

/** Is `name` one of the kinds? */
export function isKindName(name: string): name is KindName {
  return (KIND_NAMES as readonly string[]).includes(name);
}

/** Load order position of a kind. */
export function kindOrder(name: KindName): number {
  return KIND_NAMES.indexOf(name);
}
