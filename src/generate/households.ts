// Households of one village, in two steps. `buildHouseholds` draws who lives there, their
// land and which funds pay whom; it is cheap and runs twice (once to count the rows, once
// to write them). `nameHouseholds` gives everyone a name and an ID number; it runs once.
import { dayOf } from './dates.ts';
import { IdAllocator } from './idcard.ts';
import type { Household, HouseholdFund, Member } from './model.ts';
import { age } from './model.ts';
import { drawGivenName, drawSurname, RARE_CHARS, SPECIAL_SURNAMES, withRareChar } from './names.ts';
import { COUNTY_CODE, NEIGHBOUR_CODES } from './places.ts';
import { Rng, Weighted } from './prng.ts';

// Birth years of household heads by five-year band (rural, then urban communities, where
// the households on the rolls are older).
const band = (weights: readonly number[]): Weighted<number> =>
  new Weighted(weights.map((w, i) => [1935 + i * 5, w] as const));
const RURAL_HEADS = band([0.3, 1.5, 3, 5, 8, 11, 14, 15, 14, 11, 9, 5, 2]);
const URBAN_HEADS = band([1, 4, 7, 9, 11, 12, 12, 10, 9, 8, 6, 3, 1]);

function member(rng: Rng, male: boolean, born: number, role: Member['role']): Member {
  const y = Math.max(1925, Math.min(2006, Math.round(born)));
  const x = rng.float();
  const disability = x < 0.009 ? 2 : x < 0.03 ? 1 : 0;
  return { male, born: y, birth: dayOf(y, 1, 1) + rng.int(365), role, disability, name: '', id: '' };
}

/** Draws the village's households and which funds pay which members; `poverty` scales the share of poor households. */
export function buildHouseholds(rng: Rng, count: number, rural: boolean, poverty: number, funds: readonly HouseholdFund[]): Household[] {
  const out: Household[] = [];
  for (let i = 0; i < count; i++) {
    const headMale = rng.chance(rural ? 0.86 : 0.7);
    const headBorn = (rural ? RURAL_HEADS : URBAN_HEADS).draw(rng) + rng.int(5);
    const members = [member(rng, headMale, headBorn, 'head')];
    if (rng.chance(headBorn < 1955 ? 0.62 : headBorn < 1990 ? 0.88 : 0.6)) {
      members.push(member(rng, !headMale, headBorn + (headMale ? rng.bell(2, 1.5, -3, 8) : -rng.bell(2, 1.5, -3, 8)), 'spouse'));
    }
    if (headBorn >= 1962 && rng.chance(0.14)) members.push(member(rng, rng.chance(0.35), headBorn - rng.between(22, 34), 'parent'));
    if (headBorn <= 1975 && rng.chance(0.28)) {
      const born = headBorn + rng.between(22, 32);
      if (born <= 2005) members.push(member(rng, rng.chance(0.55), born, 'child'));
    }
    const pupils = headBorn >= 1975 && headBorn <= 1998 ? rng.pick([0, 1, 1, 2, 2, 3]) : 0;
    const elderly = members.some((m) => age(m) >= 70);
    const poor = rng.chance(poverty * (rural ? 0.08 : 0.03) * (elderly || members.some((m) => m.disability) ? 1.8 : 1));
    const land = rural && rng.chance(0.97) ? (rng.chance(0.004) ? rng.between(3000, 15000) : Math.round(rng.bell(380, 150, 40, 1300))) : 0;
    const grain = land > 0 && rng.chance(0.72) ? Math.round(land * rng.bell(0.8, 0.12, 0.4, 1)) : 0;
    const rice = grain > 0 && rng.chance(0.8) ? Math.round(grain * rng.bell(0.85, 0.1, 0.5, 1)) : 0;
    const forest = rural && rng.chance(0.3) ? rng.between(200, 5000) : 0;
    const h: Household = {
      no: String(i + 1).padStart(4, '0'),
      members,
      rural,
      poor,
      pupils,
      size: members.length + pupils,
      land,
      grain,
      rice,
      forest,
      recipients: [],
    };
    for (const f of funds) h.recipients.push(f.recipients(h, rng));
    out.push(h);
  }
  return out;
}

/** Hands out names and ID numbers across a whole county, village after village. */
export class Registrar {
  private readonly ids = new IdAllocator(0, 400);
  private shown = 0;

  /**
   * Names everyone in the village. `headFunds` lists funds paying heads: two heads paid by
   * the same fund get the same name (namesakes with different ID numbers, which the kiosk
   * must tell apart).
   */
  name(rng: Rng, households: readonly Household[], headFunds: readonly number[]): void {
    const clan = drawSurname(rng); // many villages are dominated by one lineage
    for (const h of households) {
      const [head, ...rest] = h.members as [Member, ...Member[]];
      // Every county shows each hard surname and rare character early on, on heads that
      // are surely paid, so even the small sample exercises them; beyond that they come
      // at their natural rates.
      const n = headFunds.some((f) => h.recipients[f]?.includes(0)) ? this.shown++ : -1;
      const surname = n % 20 === 3 && n / 20 < SPECIAL_SURNAMES.length ? (SPECIAL_SURNAMES[Math.floor(n / 20)] as string)
        : head.male && rng.chance(0.35) ? clan : drawSurname(rng);
      this.assign(rng, head, surname, n % 50 === 11 ? RARE_CHARS[Math.floor(n / 50)] : undefined);
      const spouse = rest.find((m) => m.role === 'spouse');
      const spouseSurname = drawSurname(rng);
      if (spouse) this.assign(rng, spouse, spouseSurname);
      // Children carry the father's surname; a head's father carries the head's.
      const family = !head.male && spouse?.male ? spouseSurname : surname;
      for (const m of rest) {
        if (m.role === 'child') this.assign(rng, m, family);
        else if (m.role === 'parent') this.assign(rng, m, m.male ? surname : drawSurname(rng));
      }
    }
    this.namesakes(rng, households, headFunds);
  }

  private assign(rng: Rng, m: Member, surname: string, rare?: string): void {
    m.name = surname + drawGivenName(rng, m.male, m.born);
    if (rare !== undefined || rng.chance(0.0004)) m.name = withRareChar(rng, m.name, surname, rare);
    const local = m.role !== 'spouse' || rng.chance(0.85);
    m.id = this.ids.next(local ? COUNTY_CODE : rng.pick(NEIGHBOUR_CODES), m.birth, m.male);
  }

  private namesakes(rng: Rng, households: readonly Household[], headFunds: readonly number[]): void {
    for (const f of headFunds) {
      const paid = households.filter((h) => h.recipients[f]?.includes(0));
      if (paid.length < 2) continue;
      const pairs = rng.chance(0.35) ? 2 : 1;
      for (let p = 0; p < pairs; p++) {
        const a = rng.pick(paid).members[0] as Member;
        const b = paid.map((h) => h.members[0] as Member).find((m) => m !== a && m.male === a.male && m.name !== a.name);
        if (b) b.name = a.name;
      }
      return;
    }
  }
}
