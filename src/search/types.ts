// What the shard builder takes (fed by SQLite query functions) and the files it writes
// (read by the browser). Money is integer 分; dates are ISO 'YYYY-MM-DD'.
import type { NameDisplay } from '../funds/schema.ts';

/** A fund as the search needs it; `nameDisplay` decides whether recipients' full names may be indexed. */
export interface FundInput {
  code: string;
  name: string;
  year: number;
  /** 归口股室 */
  office: string;
  kind: 'household' | 'project';
  nameDisplay: NameDisplay;
}

/** One payment to a household. `status` is shown as given (e.g. 已发放). */
export interface PaymentInput {
  fundCode: string;
  amountFen: number;
  paidOn: string;
  status: string;
  /** disbursements.id: the kiosk's complaint link names it (record=disbursement:<id>); 0 if none */
  id?: number;
}

/** One household (recipient) of a village. */
export interface HouseholdInput {
  /** 户号 */
  householdNo: string;
  /** as published, e.g. 王*明 (src/privacy/names.ts maskName) */
  nameMasked: string;
  /**
   * Only when the household may be published by full name. Even then the builder uses it
   * only if every payment comes from a fund set to 全名 (household-doc.ts).
   */
  fullName?: string;
  /** last four characters of the ID number (never the full number) */
  idLast4: string;
  payments: PaymentInput[];
}

/** Everything one village shard is built from. */
export interface VillageShardInput {
  village: { code: string; name: string; townshipCode: string };
  households: HouseholdInput[];
}

export interface TownshipInput {
  code: string;
  name: string;
  villages: { code: string; name: string }[];
}

export interface ProjectInput {
  code: string;
  name: string;
  fundCode: string;
  township: string;
  village?: string;
  place: string;
  amountFen: number;
  status: string;
}

export interface BudgetUnitInput {
  code: string;
  name: string;
}

export interface InstitutionInput {
  code: string;
  name: string;
  kind: string;
  /** 主管部门, '' at the top */
  parent: string;
}

/** Staff are published by real name (design.md), so their names are indexed in full. */
export interface StaffInput {
  name: string;
  institutionCode: string;
  post: string;
  quotaType: string;
}

/** Everything `buildSearchShards` needs; villages are pulled one at a time (bounded memory). */
export interface SearchBuildInput {
  outDir: string;
  townships: TownshipInput[];
  funds: FundInput[];
  villages: Iterable<VillageShardInput> | AsyncIterable<VillageShardInput>;
  projects: ProjectInput[];
  budgetUnits: BudgetUnitInput[];
  institutions: InstitutionInput[];
  staff: Iterable<StaffInput>;
}

// ---- Files written (each as .json and .json.gz) ----
// No file holds a serialized lunr index: the page derives every token from the shown
// rows plus a small pinyin dictionary and assembles lunr's index directly (derive.ts).
// A serialized lunr index of the same tokens was ~7× the bytes and no faster to load.

/** Readings of each character of the shown names, alternatives joined by `/`: 单 → shan/dan. */
export type PinyinDict = Record<string, string>;

/** A payment in a store file: [fund index into `funds`, amount 分, paid on, status index into `statuses`, disbursement id]. */
export type StoredPayment = [number, number, string, number, number];

/** A row of a village index, one per household: [shown name (full or masked), 户号, ID last 4]. Row i is lunr doc ref `i`. */
export type HouseholdRow = [string, string, string];

/** `villages/<code>.idx.json`: what is searched — one row per household (and name form). */
export interface VillageIndexFile {
  v: 1;
  village: string;
  rows: HouseholdRow[];
  py: PinyinDict;
}

/** `villages/<code>.store.json`: the payments of each index row (same order), beside the index, not in it. */
export interface VillageStoreFile {
  v: 1;
  village: string;
  /** [code, name] of every fund paid in the village */
  funds: [string, string][];
  statuses: string[];
  payments: StoredPayment[][];
}

/** A village in the locator: [code, name, pinyin syllables space-separated, households, revision]. */
export type LocatorVillage = [string, string, string, number, string];

/** `locator.json`: townships → villages, with pinyin for the letter pad, and file revisions. */
export interface LocatorFile {
  v: 1;
  /** [code, name, pinyin, villages] */
  townships: [string, string, string, LocatorVillage[]][];
  /** revision of each side index, for cache-busting URLs */
  side: Record<SideKind, string>;
}

export const SIDE_KINDS = ['projects', 'funds', 'units', 'institutions', 'staff'] as const;
export type SideKind = (typeof SIDE_KINDS)[number];

/** `<kind>.json`: the rows a side index searches and shows (row i is doc ref `i`); columns in derive.ts. */
export interface SideIndexFile {
  v: 1;
  kind: SideKind;
  rows: unknown[][];
  /** staff only: readings of the name characters */
  py?: PinyinDict;
  /** lookup tables the rows refer to by index (e.g. institution names for staff) */
  refs?: string[];
}
