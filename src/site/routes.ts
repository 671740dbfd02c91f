// getStaticPaths for every public page type, shared by the zh-CN route files (src/pages/)
// and their English twins (src/pages/en/). Data comes from the per-build aggregates, so
// building both locales costs the database once.
import { areaTree, villagesById } from '../areas/queries.ts';
import { budgetUnitSummaries, unitLines } from '../budgets/queries.ts';
import { readDb } from '../db/read.ts';
import { villagePages } from '../funds/payment-queries.ts';
import { addTotals, emptyTotals, fundSummaries, fundVillageStats, projectList, type Totals } from '../funds/queries.ts';
import { institutionSummaries, staffByInstitution } from '../staffing/queries.ts';
import { allFilters, applyFilter, facetsOf } from './fund-filters.ts';
import { villageTotals } from './village-totals.ts';

/** Projects per list page. */
export const PROJECTS_PER_PAGE = 100;

export function fundListProps() {
  const funds = fundSummaries(readDb());
  return { funds, facets: facetsOf(funds), filter: { year: 'all', office: 'all', kind: 'all' } };
}

export function fundFilterPaths() {
  const funds = fundSummaries(readDb());
  const facets = facetsOf(funds);
  return allFilters(facets).map((filter) => ({ params: filter, props: { funds: applyFilter(funds, filter), facets, filter } }));
}

export function fundPaths() {
  const db = readDb();
  const villages = villagesById(db);
  const stats = fundVillageStats(db);
  const projects = projectList(db);
  return fundSummaries(db).map((fund) => {
    type TownshipRow = { township: { code: string; name: string }; totals: Totals; villages: { village: NonNullable<ReturnType<typeof villages.get>>; totals: Totals }[] };
    const byTownship = new Map<string, TownshipRow>();
    for (const s of stats) {
      if (s.fundId !== fund.id) continue;
      const v = villages.get(s.villageId);
      if (!v) continue;
      let row = byTownship.get(v.township.code);
      if (!row) byTownship.set(v.township.code, (row = { township: v.township, totals: emptyTotals(), villages: [] }));
      addTotals(row.totals, s);
      row.villages.push({ village: v, totals: s });
    }
    const townships = [...byTownship.values()].sort((a, b) => a.township.code.localeCompare(b.township.code));
    for (const t of townships) t.villages.sort((a, b) => a.village.code.localeCompare(b.village.code));
    return { params: { code: fund.code }, props: { fund, townships, projects: projects.filter((p) => p.fundCode === fund.code) } };
  });
}

export function villageIndexProps() {
  const db = readDb();
  return { townships: areaTree(db), totals: villageTotals(db) };
}

export function villagePaths() {
  const db = readDb();
  const pages = villagePages(db);
  const totals = villageTotals(db);
  return areaTree(db).flatMap((t) =>
    t.villages.flatMap((village) => {
      const list = pages.get(village.id) ?? [];
      const ranges = list.map((p) => (p.firstHousehold === p.lastHousehold ? p.firstHousehold : `${p.firstHousehold}–${p.lastHousehold}`));
      const vt = totals.get(village.id) ?? { ...emptyTotals(), people: 0 };
      const pageList = list.length > 0 ? list : [{ villageId: village.id, page: 1, from: 0, to: 0, firstHousehold: '', lastHousehold: '', payments: 0 }];
      return pageList.map((page) => ({
        params: { code: village.code, page: page.page === 1 ? undefined : String(page.page) },
        props: { village, page, ranges, totals: vt },
      }));
    }),
  );
}

export function projectListPaths() {
  const all = projectList(readDb());
  const pages = Math.max(1, Math.ceil(all.length / PROJECTS_PER_PAGE));
  return Array.from({ length: pages }, (_, i) => ({
    params: { n: String(i + 1) },
    props: { projects: all.slice(i * PROJECTS_PER_PAGE, (i + 1) * PROJECTS_PER_PAGE), page: i + 1, pages, total: all.length },
  }));
}

export function projectPaths() {
  return projectList(readDb()).map((project) => ({ params: { code: project.code }, props: { project } }));
}

export function budgetListProps() {
  const units = budgetUnitSummaries(readDb());
  const year = units.reduce<number | null>((m, u) => u.years.reduce((mm, y) => (mm === null || y.year > mm ? y.year : mm), m), null);
  return { units, year };
}

export function budgetUnitPaths() {
  const db = readDb();
  return budgetUnitSummaries(db).map((unit) => ({ params: { code: unit.code }, props: { unit, lines: unitLines(db, unit.id) } }));
}

export function institutionListProps() {
  return { institutions: institutionSummaries(readDb()) };
}

export function institutionPaths() {
  const db = readDb();
  const staff = staffByInstitution(db);
  return institutionSummaries(db).map((institution) => ({ params: { code: institution.code }, props: { institution, staff: staff.get(institution.id) ?? [] } }));
}
