// The synthetic county, end to end: areas, funds, payments to households, projects,
// budgets and establishment, one CSV per kind in the formats of docs/data-formats.md.
// Everything derives from the seed; the same seed gives byte-identical files.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeBudgets } from './budgets.ts';
import type { ScaleConfig, Scale, Township } from './county.ts';
import { benchConfig, buildAreas, SCALES } from './county.ts';
import type { Encoding, KindSpec, KindTotals } from './csv.ts';
import { CsvWriter } from './csv.ts';
import { dayOf, monthEnd } from './dates.ts';
import type { FundEntry, PayContext } from './disbursements.ts';
import { planDisbursements, writeDisbursements } from './disbursements.ts';
import type { KindName } from './kinds.ts';
import { AREAS, BUDGET_LINES, DISBURSEMENTS, FUNDS, INSTITUTIONS, KINDS, PROJECTS, QUOTAS, STAFF } from './kinds.ts';
import type { HouseholdFund } from './model.ts';
import { YEAR } from './model.ts';
import type { ProjectFundEntry } from './projects.ts';
import { writeProjects } from './projects.ts';
import { writeStaffing } from './staffing.ts';

export interface GenerateOptions {
  scale: Scale;
  /** output directory; null only counts (see expectedTotals) */
  out: string | null;
  seed?: number;
  encoding?: Encoding;
  messy?: boolean;
}

/** Per kind: rows, sum of the money column in 分 (null where the kind has none), bytes written. */
export type Totals = Record<KindName, KindTotals>;

export interface Manifest {
  scale: Scale | 'bench';
  seed: number;
  totals: Totals;
  /** distinct households paid at least once */
  households: number;
  /** file of each kind (absent when only counting) */
  files: Partial<Record<KindName, string>>;
}

/** Fund codes: households' funds first (ZX2025-01 …), then the project funds. */
function fundEntries(cfg: ScaleConfig): { household: FundEntry[]; project: ProjectFundEntry[] } {
  const code = (i: number): string => `ZX${YEAR}-${String(i + 1).padStart(2, '0')}`;
  const household = cfg.householdFunds.map((fund, i) => ({ code: code(i), fund, filler: fund.name === cfg.fillerFund }));
  const project = cfg.projectFunds.map((fund, i) => ({ code: code(household.length + i), fund }));
  return { household, project };
}

/** 公开时限: a month after a one-off payment, the end of next January for regular ones. */
function deadline(f: HouseholdFund): number {
  if (f.schedule !== 'once' || !f.month || f.month >= 12) return dayOf(YEAR + 1, 1, 31);
  return monthEnd(YEAR, f.month + 1);
}

class Outputs {
  readonly files: Partial<Record<KindName, string>> = {};
  readonly totals: Partial<Totals> = {};
  private readonly dir: string | null;
  private readonly seed: number;
  private readonly encoding: Encoding;
  private readonly messy: boolean;

  constructor(dir: string | null, seed: number, encoding: Encoding, messy: boolean) {
    this.dir = dir;
    this.seed = seed;
    this.encoding = encoding;
    this.messy = messy;
    if (dir !== null) mkdirSync(dir, { recursive: true });
  }

  open(spec: KindSpec, path?: string): CsvWriter {
    const file = path ?? (this.dir === null ? null : join(this.dir, `${spec.kind}.csv`));
    if (file !== null) this.files[spec.kind as KindName] = file;
    return new CsvWriter(file, spec, { encoding: this.encoding, messy: this.messy, seed: this.seed });
  }

  close(spec: KindSpec, w: CsvWriter): void {
    this.totals[spec.kind as KindName] = w.close();
  }

  /** Writes a whole kind through `fill`. */
  write(spec: KindSpec, fill: (w: CsvWriter) => void): void {
    const w = this.open(spec);
    fill(w);
    this.close(spec, w);
  }
}

function writeAreas(o: Outputs, townships: readonly Township[]): void {
  o.write(AREAS, (w) => {
    for (const t of townships) for (const v of t.villages) w.row([t.code, t.name, v.code, v.name, v.kind]);
  });
}

function writeFunds(o: Outputs, funds: ReturnType<typeof fundEntries>): void {
  o.write(FUNDS, (w) => {
    for (const { code, fund } of funds.household) {
      w.row([code, fund.name, YEAR, fund.office, fund.policy, '到人到户', deadline(fund), fund.fullNames ? '全名' : '脱敏']);
    }
    for (const { code, fund } of funds.project) w.row([code, fund.name, YEAR, fund.office, fund.policy, '到项目', dayOf(YEAR, 12, 31), '脱敏']);
  });
}

function writeHouseholdPayments(o: Outputs, cfg: ScaleConfig, seed: number, townships: readonly Township[], funds: readonly FundEntry[], path?: string): number {
  const c: PayContext = { seed, villages: townships.flatMap((t) => t.villages), poverty: cfg.poverty, funds };
  const plan = planDisbursements(c, cfg.disbursementRows);
  const w = o.open(DISBURSEMENTS, path);
  const { households, rows } = writeDisbursements(w, c, plan);
  o.close(DISBURSEMENTS, w);
  if (cfg.disbursementRows !== null && rows !== cfg.disbursementRows) {
    throw new Error(`wrote ${rows} disbursements, wanted ${cfg.disbursementRows}: the county is too small for that many`);
  }
  return households;
}

/** Generates the county; returns what each file holds. */
export function generateCounty(opts: GenerateOptions): Manifest {
  const seed = opts.seed ?? 1;
  const cfg = SCALES[opts.scale];
  const o = new Outputs(opts.out, seed, opts.encoding ?? 'utf8', opts.messy ?? false);
  const townships = buildAreas(cfg, seed);
  const funds = fundEntries(cfg);
  writeAreas(o, townships);
  writeFunds(o, funds);
  const households = writeHouseholdPayments(o, cfg, seed, townships, funds.household);
  const paidFen = o.totals.disbursements?.amountFen ?? 0;
  o.write(PROJECTS, (w) => writeProjects(w, seed, townships, funds.project, cfg.projects, cfg.fundTotalFen === null ? null : cfg.fundTotalFen - paidFen));
  o.write(BUDGET_LINES, (w) => writeBudgets(w, seed, cfg.budgetUnits, cfg.budgetTotalFen));
  const inst = o.open(INSTITUTIONS);
  const quotas = o.open(QUOTAS);
  const staff = o.open(STAFF);
  writeStaffing({ institutions: inst, quotas, staff }, seed, townships, cfg.institutions, cfg.staff);
  o.close(INSTITUTIONS, inst);
  o.close(QUOTAS, quotas);
  o.close(STAFF, staff);
  return { scale: cfg.scale, seed, totals: o.totals as Totals, households, files: o.files };
}

/** What `generate` writes for these options (rows and 分 per kind), without writing anything. */
export function expectedTotals(opts: Omit<GenerateOptions, 'out'>): Record<KindName, { rows: number; amountFen: number | null }> {
  const { totals } = generateCounty({ ...opts, out: null });
  const out = {} as Record<KindName, { rows: number; amountFen: number | null }>;
  for (const k of KINDS) out[k.kind] = { rows: totals[k.kind].rows, amountFen: totals[k.kind].amountFen };
  return out;
}

/**
 * For the import benchmark: writes exactly `rows` disbursement rows to `file`, and the
 * areas.csv and funds.csv they refer to next to it.
 */
export function writeDisbursementRows(file: string, opts: { rows: number; seed?: number; encoding?: Encoding; messy?: boolean }): { rows: number; amountFen: number; files: { disbursements: string; areas: string; funds: string } } {
  const seed = opts.seed ?? 1;
  const cfg = benchConfig(opts.rows);
  const dir = dirname(file);
  if (basename(file) === 'areas.csv' || basename(file) === 'funds.csv') throw new Error(`${file} would be overwritten by its areas/funds`);
  const o = new Outputs(dir, seed, opts.encoding ?? 'utf8', opts.messy ?? false);
  const townships = buildAreas(cfg, seed);
  const funds = fundEntries(cfg);
  writeAreas(o, townships);
  writeFunds(o, funds);
  writeHouseholdPayments(o, cfg, seed, townships, funds.household, file);
  const t = o.totals.disbursements as KindTotals;
  return { rows: t.rows, amountFen: t.amountFen ?? 0, files: { disbursements: file, areas: join(dir, 'areas.csv'), funds: join(dir, 'funds.csv') } };
}
