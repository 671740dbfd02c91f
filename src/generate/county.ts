// The two scales of synthetic county and its areas (townships, villages, communities).
// `seed` is the county of design.md; `small` the sample that `./gongkai start` loads.
import { FILLER_FUND, HOUSEHOLD_FUNDS } from './household-funds.ts';
import type { HouseholdFund, ProjectFund } from './model.ts';
import { COUNTY_CODE, TOWNSHIPS, villageNames } from './places.ts';
import { apportion } from './apportion.ts';
import { PROJECT_FUNDS } from './project-funds.ts';
import { Rng } from './prng.ts';

export type Scale = 'small' | 'seed';

export interface ScaleConfig {
  scale: Scale | 'bench';
  /** villages per township (one entry per township), and how many of them are 社区 */
  villages: readonly number[];
  communities: readonly number[];
  households: number;
  /** multiplies the share of poor households (the small sample is a poorer county, so its few households show every programme) */
  poverty: number;
  householdFunds: readonly HouseholdFund[];
  projectFunds: readonly ProjectFund[];
  /** exact number of disbursement rows (made up by the filler fund), or null for what falls out */
  disbursementRows: number | null;
  fillerFund: string | null;
  projects: number;
  /** all payments (households + projects) in 分, made exact through the project amounts */
  fundTotalFen: number | null;
  budgetUnits: number;
  /** the current year's budgets of all units, in 分 */
  budgetTotalFen: number;
  institutions: number;
  staff: number;
}

const byName = <T extends { name: string }>(all: readonly T[], names: readonly string[]): T[] =>
  names.map((n) => {
    const f = all.find((x) => x.name === n);
    if (!f) throw new Error(`no fund named ${n}`);
    return f;
  });

export const SCALES: Readonly<Record<Scale, ScaleConfig>> = {
  seed: {
    scale: 'seed',
    villages: [24, 17, 16, 15, 16, 14, 15, 13, 16, 14, 15, 14, 17, 13, 15, 16, 12, 11, 14, 13],
    communities: [8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1],
    households: 158_800,
    poverty: 1,
    householdFunds: HOUSEHOLD_FUNDS,
    projectFunds: PROJECT_FUNDS,
    disbursementRows: 882_804,
    fillerFund: FILLER_FUND,
    projects: 518,
    fundTotalFen: 48_294_840_000, // 48,294.84 万元
    budgetUnits: 10,
    budgetTotalFen: 1_814_990_000, // 1,814.99 万元
    institutions: 343,
    staff: 11_482,
  },
  small: {
    scale: 'small',
    villages: [4, 3, 2],
    communities: [1, 0, 0],
    households: 390,
    poverty: 3,
    householdFunds: byName(HOUSEHOLD_FUNDS, ['耕地地力保护补贴', '城乡居民基本养老保险待遇', '城乡居民最低生活保障金', '困难残疾人生活补贴']),
    projectFunds: byName(PROJECT_FUNDS, ['高标准农田建设', '农村公路建设']),
    disbursementRows: null,
    fillerFund: null,
    projects: 12,
    fundTotalFen: null,
    budgetUnits: 4,
    budgetTotalFen: 682_450_000,
    institutions: 12,
    staff: 120,
  },
};

/** The seed county resized to pay exactly `rows` times (for the import benchmark). */
export function benchConfig(rows: number): ScaleConfig {
  const seed = SCALES.seed;
  const households = Math.max(30, Math.ceil((seed.households * rows) / (seed.disbursementRows as number)));
  // Below ~100 households a village, a county of 300 villages looks wrong: use the sample's 9.
  const layout = households < 30_000 ? SCALES.small : seed;
  return { ...seed, scale: 'bench', villages: layout.villages, communities: layout.communities, households, disbursementRows: rows };
}

export interface Township {
  code: string;
  name: string;
  villages: Village[];
}
export interface Village {
  /** position in the county, used to seed the village's random streams */
  index: number;
  code: string;
  name: string;
  kind: '村' | '社区';
  township: Township;
  households: number;
}

/** Townships and villages with their 统计用区划代码 and household counts. */
export function buildAreas(cfg: ScaleConfig, seed: number): Township[] {
  const rng = new Rng(seed, 'areas');
  const townships: Township[] = [];
  let index = 0;
  let town = 0;
  let xiang = 0;
  cfg.villages.forEach((count, t) => {
    const name = TOWNSHIPS[t] as string;
    // Codes: 镇 1xx, 乡 2xx; in a township, 居委会 (社区) 001–199, 村委会 200–399.
    const code = COUNTY_CODE + (name.endsWith('乡') ? 200 + ++xiang : 100 + ++town);
    const township: Township = { code, name, villages: [] };
    let c = 0;
    let v = 0;
    for (const { name: vname, kind } of villageNames(rng, name, count, cfg.communities[t] ?? 0)) {
      const vcode = code + String(kind === '社区' ? ++c : 200 + ++v).padStart(3, '0');
      township.villages.push({ index: index++, code: vcode, name: vname, kind, township, households: 0 });
    }
    townships.push(township);
  });
  // Households by village: communities are larger; rural villages vary; none is empty.
  const villages = townships.flatMap((t) => t.villages);
  const weights = villages.map((v) => (v.kind === '社区' ? 1.3 : rng.bell(1, 0.3, 0.4, 1.9)));
  const split = apportion(Math.max(0, cfg.households - villages.length), weights);
  villages.forEach((v, i) => (v.households = 1 + (split[i] as number)));
  return townships;
}
