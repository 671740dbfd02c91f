// The small indexes beside the village shards: projects (name, code, place), funds,
// budget units, institutions, and staff (real-name by design; heavy, so the page loads
// it only when someone searches staff). Each file holds only the rows its results show;
// the page derives the tokens (derive.ts says which columns are searched).
import { pinyinDictionary } from './pinyin.ts';
import type {
  BudgetUnitInput,
  FundInput,
  InstitutionInput,
  ProjectInput,
  SideIndexFile,
  StaffInput,
} from './types.ts';

/** Projects: [code, name, fundCode, township, village, place, amountFen, status]. */
export function projectsFile(projects: readonly ProjectInput[]): SideIndexFile {
  const rows = projects.map((p) => [p.code, p.name, p.fundCode, p.township, p.village ?? '', p.place, p.amountFen, p.status]);
  return { v: 1, kind: 'projects', rows };
}

/** Funds: [code, name, year, kind, nameDisplay, office]. */
export function fundsFile(funds: readonly FundInput[]): SideIndexFile {
  return { v: 1, kind: 'funds', rows: funds.map((f) => [f.code, f.name, f.year, f.kind, f.nameDisplay, f.office]) };
}

/** Budget units: [code, name]. */
export function unitsFile(units: readonly BudgetUnitInput[]): SideIndexFile {
  return { v: 1, kind: 'units', rows: units.map((u) => [u.code, u.name]) };
}

/** Institutions: [code, name, kind, parent]. */
export function institutionsFile(institutions: readonly InstitutionInput[]): SideIndexFile {
  return { v: 1, kind: 'institutions', rows: institutions.map((i) => [i.code, i.name, i.kind, i.parent]) };
}

/** Staff: [name, institution index into `refs`, post, quota type], with name readings. */
export function staffFile(staff: Iterable<StaffInput>, institutions: readonly InstitutionInput[]): SideIndexFile {
  const instIndex = new Map(institutions.map((inst, i) => [inst.code, i]));
  const rows: unknown[][] = [];
  for (const p of staff) rows.push([p.name.trim(), instIndex.get(p.institutionCode) ?? -1, p.post, p.quotaType]);
  return {
    v: 1,
    kind: 'staff',
    rows,
    py: pinyinDictionary(rows.map((r) => String(r[0]))),
    refs: institutions.map((i) => i.name),
  };
}
