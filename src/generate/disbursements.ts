// Payments to households, streamed village by village: build the households, name them,
// then for each fund, each period and each household, one row per paid member. A first,
// cheap pass counts the rows every fund but one will pay; the remaining fund (实际种粮农民
// 一次性补贴) then pays exactly as many of its eligible households as make the county's
// total come out exact, chosen evenly across the county (selection sampling).
import type { CsvWriter } from './csv.ts';
import type { Village } from './county.ts';
import { dayOf } from './dates.ts';
import { buildHouseholds, Registrar } from './households.ts';
import type { Household, HouseholdFund, Member, Schedule } from './model.ts';
import { PERIODS, YEAR } from './model.ts';
import { Rng, Weighted } from './prng.ts';

/** A household fund as this county numbers it. */
export interface FundEntry {
  code: string;
  fund: HouseholdFund;
  filler: boolean;
}

export interface DisbursementPlan {
  /** rows of every fund but the filler */
  fixedRows: number;
  /** recipients the filler fund could pay, and how many it will */
  fillerEligible: number;
  fillerTarget: number;
  /** stop after this many rows (only when the other funds alone exceed the target) */
  limit: number;
}

/** What both passes need: the seed, the villages in county order, and the funds. */
export interface PayContext {
  seed: number;
  villages: readonly Village[];
  poverty: number;
  funds: readonly FundEntry[];
}

const households = (c: PayContext, v: Village) =>
  buildHouseholds(new Rng(c.seed, 'households', v.index), v.households, v.kind === '村', c.poverty, c.funds.map((f) => f.fund));

/** First pass: counts rows without naming anyone. */
export function planDisbursements(c: PayContext, target: number | null): DisbursementPlan {
  let fixedRows = 0;
  let fillerEligible = 0;
  const funds = c.funds;
  for (const v of c.villages) {
    for (const h of households(c, v)) {
      funds.forEach((f, i) => {
        const n = (h.recipients[i] as number[]).length;
        if (f.filler) fillerEligible += n;
        else fixedRows += n * PERIODS[f.fund.schedule];
      });
    }
  }
  if (target === null) return { fixedRows, fillerEligible, fillerTarget: fillerEligible, limit: Infinity };
  const fillerTarget = Math.max(0, Math.min(fillerEligible, target - fixedRows));
  return { fixedRows, fillerEligible, fillerTarget, limit: target };
}

// Sign-off to payment, as in the seed county: ≤3 days 76.44%, 4–10 days 10.34%, more
// 12.22%; those three shares add up to 99%, so each is scaled by 1/0.99.
const P_FAST = 0.7644 / 0.99;
const P_MID = 0.1034 / 0.99;
const FAST = new Weighted([[0, 18], [1, 34], [2, 28], [3, 20]] as const);
// Long delays stay inside the payment period, so a monthly payment never lands on the
// date of the next month's (which would be a duplicate payment).
const LONGEST: Readonly<Record<Schedule, number>> = { monthly: 20, quarterly: 60, semester: 90, twice: 90, once: 90 };

/** Days from approval to payment. */
export function drawDelay(rng: Rng, schedule: Schedule): number {
  const x = rng.float();
  if (x < P_FAST) return FAST.draw(rng);
  if (x < P_FAST + P_MID) return rng.between(4, 10);
  for (;;) {
    const d = 11 + Math.floor(-Math.log(1 - rng.float()) * 14);
    if (d <= LONGEST[schedule]) return d;
  }
}

/** The approval date of one village's roster for one period. */
function approvalDay(rng: Rng, f: HouseholdFund, period: number): number {
  switch (f.schedule) {
    case 'monthly': return dayOf(YEAR, period + 1, rng.between(1, 8));
    case 'quarterly': return dayOf(YEAR, period * 3 + 1, rng.between(1, 10));
    case 'semester': return dayOf(YEAR, period === 0 ? 3 : 9, rng.between(5, 20));
    case 'twice': return dayOf(YEAR, period === 0 ? 6 : 12, rng.between(1, 15));
    case 'once': return dayOf(YEAR, f.month || rng.between(2, 11), rng.between(1, 25));
  }
}

/** Second pass: writes every payment; returns how many distinct households were paid. */
export function writeDisbursements(out: CsvWriter, c: PayContext, plan: DisbursementPlan): { households: number; rows: number } {
  const { seed, funds } = c;
  const registrar = new Registrar();
  const select = new Rng(seed, 'filler');
  let need = plan.fillerTarget;
  let left = plan.fillerEligible;
  let rows = 0;
  let paidHouseholds = 0;
  const headFunds = funds.flatMap((f, i) => (f.filler ? [] : [i]));
  for (const v of c.villages) {
    const hs = households(c, v);
    registrar.name(new Rng(seed, 'names', v.index), hs, headFunds);
    const rng = new Rng(seed, 'payments', v.index);
    const paid = new Uint8Array(hs.length);
    const town = v.township.name;
    // Each fund's recipients in the village, in household order; the filler keeps only those selected.
    const lists: [number, Member][][] = funds.map(() => []);
    for (let hi = 0; hi < hs.length; hi++) {
      const h = hs[hi] as Household;
      for (let fi = 0; fi < funds.length; fi++) {
        const rec = h.recipients[fi] as number[];
        for (let k = 0; k < rec.length; k++) {
          if ((funds[fi] as FundEntry).filler) {
            const chosen = select.float() * left < need;
            left--;
            if (!chosen) continue;
            need--;
          }
          (lists[fi] as [number, Member][]).push([hi, h.members[rec[k] as number] as Member]);
        }
      }
    }
    funds.forEach((entry, fi) => {
      const f = entry.fund;
      const list = lists[fi] as [number, Member][];
      const first: number[] = [];
      for (let period = 0; period < PERIODS[f.schedule]; period++) {
        const approved = approvalDay(rng, f, period);
        for (let j = 0; j < list.length; j++) {
          const [hi, m] = list[j] as [number, Member];
          const h = hs[hi] as Household;
          const amount = period === 0 ? (first[j] = f.amount(h, m, rng)) : f.later ? f.later(first[j] as number, period, h) : (first[j] as number);
          const delay = drawDelay(rng, f.schedule);
          if (rows >= plan.limit) continue;
          out.row([entry.code, town, v.name, h.no, m.name, m.id, amount, approved, approved + delay, f.channel]);
          rows++;
          paid[hi] = 1;
        }
      }
    });
    for (const p of paid) paidHouseholds += p;
  }
  return { households: paidHouseholds, rows };
}
