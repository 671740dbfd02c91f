// Shared shapes of the synthetic county: the year it describes, households as the
// generator builds them, and what a special fund needs to know to pay them.
import type { Rng } from './prng.ts';

/** The year the funds and the current budgets describe (a complete past year, so output never depends on today). */
export const YEAR = 2025;

export interface Member {
  male: boolean;
  /** birth date as a day number, and its year */
  birth: number;
  born: number;
  role: 'head' | 'spouse' | 'parent' | 'child';
  /** 0 none, 1 disabled, 2 severely disabled (grade 1–2) */
  disability: 0 | 1 | 2;
  /** filled in when the village is named (second pass only) */
  name: string;
  id: string;
}

export interface Household {
  /** 户号, as the village registers it */
  no: string;
  members: Member[];
  rural: boolean;
  /** 脱贫户 / 监测户: households the poverty programmes follow */
  poor: boolean;
  /** children in compulsory education */
  pupils: number;
  /** registered persons, children included */
  size: number;
  /** farmland, grain land, rice land and forest, in hundredths of a 亩 */
  land: number;
  grain: number;
  rice: number;
  forest: number;
  /** per household fund (by index): the members it pays */
  recipients: number[][];
}

export type Schedule = 'once' | 'semester' | 'twice' | 'quarterly' | 'monthly';

/** Payments per year for each schedule. */
export const PERIODS: Readonly<Record<Schedule, number>> = { once: 1, semester: 2, twice: 2, quarterly: 4, monthly: 12 };

/** A special fund paid to households (到人到户). */
export interface HouseholdFund {
  name: string;
  /** 归口股室 */
  office: string;
  /** 政策依据 */
  policy: string;
  schedule: Schedule;
  /** month of approval for a one-off fund */
  month?: number;
  channel: string;
  /** published with full names (全名) rather than masked */
  fullNames?: boolean;
  /** which members it pays (indices into members); decided while households are built */
  recipients(h: Household, rng: Rng): number[];
  /** one payment in 分 for the first period */
  amount(h: Household, m: Member, rng: Rng): number;
  /** the payment of a later period, when it differs from the first */
  later?(first: number, period: number, h: Household): number;
}

/** A special fund paid to projects (到项目). */
export interface ProjectFund {
  name: string;
  office: string;
  policy: string;
  /** project names: the village name is put in front */
  works: readonly string[];
  /** contract amount range in 元 */
  min: number;
  max: number;
  /** share of the county's projects */
  weight: number;
  /** whether projects sit at township level (no village) now and then */
  townshipLevel?: boolean;
}

/** Age reached in the fund year. */
export function age(m: Member): number {
  return YEAR - m.born;
}
