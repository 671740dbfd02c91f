// Projects paid by the project funds (到项目): where, by whom, how much, and how far along
// at the end of the year. Where the county's fund total is fixed (the seed's 48,294.84
// 万元), project amounts are scaled so households and projects together add up exactly.
import type { CsvWriter } from './csv.ts';
import type { Township } from './county.ts';
import { dayOf } from './dates.ts';
import type { ProjectFund } from './model.ts';
import { YEAR } from './model.ts';
import { apportion } from './apportion.ts';
import { contractorName, placeInVillage } from './places.ts';
import { Rng } from './prng.ts';

export interface ProjectFundEntry {
  code: string;
  fund: ProjectFund;
}

type Status = '未开工' | '在建' | '已完工' | '停工';
interface Project {
  fund: string;
  code: string;
  name: string;
  township: string;
  village: string | null;
  place: string;
  amount: number;
  contractor: string;
  approved: number;
  paid: number | null;
  start: number | null;
  end: number | null;
  status: Status;
}

function draw(rng: Rng, townships: readonly Township[], entry: ProjectFundEntry, code: string): Project {
  const f = entry.fund;
  const township = rng.pick(townships);
  const villages = township.villages.filter((v) => v.kind === '村');
  const village = villages.length > 0 && !(f.townshipLevel && rng.chance(0.5)) ? rng.pick(villages) : null;
  const work = rng.pick(f.works);
  // Contract sums spread log-uniformly; most are bid prices to the 分.
  const yuan = Math.exp(Math.log(f.min) + rng.float() * (Math.log(f.max) - Math.log(f.min)));
  const amount = rng.chance(0.3) ? Math.round(yuan / 1000) * 100_000 : Math.round(yuan * 100);
  const approved = dayOf(YEAR, 1, 15) + rng.int(300);
  const start = approved + rng.between(7, 75);
  const end = start + rng.between(45, 240);
  const yearEnd = dayOf(YEAR, 12, 31);
  let status: Status = start > yearEnd ? '未开工' : end <= yearEnd ? '已完工' : '在建';
  if (status === '在建' && rng.chance(0.06)) status = '停工';
  return {
    fund: entry.code,
    code,
    name: `${village ? village.name : township.name}${work}`,
    township: township.name,
    village: village ? village.name : null,
    place: village ? placeInVillage(rng) : rng.pick(['集镇区域', '镇区', '中心学校', '政府驻地周边']),
    amount,
    contractor: contractorName(rng),
    approved,
    paid: status === '未开工' && rng.chance(0.5) ? null : approved + rng.between(0, 45),
    start: status === '未开工' ? null : start,
    end: status === '已完工' ? end : null,
    status,
  };
}

/** Writes `count` projects; with `totalFen`, their amounts are scaled to sum to it exactly. */
export function writeProjects(out: CsvWriter, seed: number, townships: readonly Township[], funds: readonly ProjectFundEntry[], count: number, totalFen: number | null): void {
  const rng = new Rng(seed, 'projects');
  const perFund = apportion(count - funds.length, funds.map((f) => f.fund.weight)).map((n) => n + 1);
  const projects: Project[] = [];
  funds.forEach((entry, i) => {
    for (let k = 0; k < (perFund[i] as number); k++) {
      projects.push(draw(rng, townships, entry, `XM${YEAR}-${String(projects.length + 1).padStart(3, '0')}`));
    }
  });
  if (totalFen !== null) {
    const raw = projects.reduce((s, p) => s + p.amount, 0);
    if (totalFen < projects.length * 100_000) throw new Error(`project total ${totalFen} 分 is too small for ${projects.length} projects`);
    for (const p of projects) p.amount = Math.max(100, Math.round((p.amount * totalFen) / raw));
    const largest = projects.reduce((a, b) => (b.amount > a.amount ? b : a));
    largest.amount += totalFen - projects.reduce((s, p) => s + p.amount, 0);
  }
  for (const p of projects) {
    out.row([p.fund, p.code, p.name, p.township, p.village, p.place, p.amount, p.contractor, p.approved, p.paid, p.start, p.end, p.status]);
  }
}
