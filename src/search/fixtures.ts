// Test fixtures: a hand-made village whose names exercise every recall case and pitfall.
import { maskName } from '../privacy/names.ts';
import { buildVillageShard } from './build.ts';
import { openVillage, type VillageSearch } from './client.ts';
import type { FundInput, HouseholdInput } from './types.ts';

/** Two funds: farmland subsidy published by full name, minimum living allowance masked. */
export const FIXTURE_FUNDS: FundInput[] = [
  { code: 'ZX2025-01', name: '耕地地力保护补贴', year: 2025, office: '农业股', kind: 'household', nameDisplay: 'full' },
  { code: 'ZX2025-07', name: '最低生活保障金', year: 2025, office: '社会救助股', kind: 'household', nameDisplay: 'masked' },
];
export const FUNDS_BY_CODE: ReadonlyMap<string, FundInput> = new Map(FIXTURE_FUNDS.map((f) => [f.code, f]));

let seq = 0;
/** A household paid by the given funds; `fullName` is handed over only if all its funds show full names. */
export function household(fullName: string, idLast4: string, fundCodes: string[] = ['ZX2025-01']): HouseholdInput {
  const allFull = fundCodes.every((c) => FUNDS_BY_CODE.get(c)?.nameDisplay === 'full');
  return {
    householdNo: String(++seq).padStart(4, '0'),
    nameMasked: maskName(fullName),
    ...(allFull ? { fullName } : {}),
    idLast4,
    payments: fundCodes.map((fundCode, i) => ({ id: 7001 + i, fundCode, amountFen: 12_345 + i, paidOn: '2025-04-0' + (i + 1), status: '已发放' })),
  };
}

const MASKED = ['ZX2025-07'];
const MIXED = ['ZX2025-01', 'ZX2025-07'];

/** Households of the fixture village: [full name, ID last 4, funds]. Masked ones are marked. */
export const FIXTURE_PEOPLE: [string, string, string[]][] = [
  ['王小明', '1001', ['ZX2025-01']],
  ['王大明', '1234', MASKED], // masked namesakes by mask: 王*明
  ['王东明', '5678', MIXED], //  mixed funds → shown masked
  ['王五', '2002', MASKED], // two characters → 王*
  ['单田芳', '3003', ['ZX2025-01']],
  ['曾国藩', '3004', ['ZX2025-01']],
  ['解晓东', '3005', ['ZX2025-01']],
  ['仇英', '3006', ['ZX2025-01']],
  ['何安', '4001', ['ZX2025-01']],
  ['李晓英', '4002', ['ZX2025-01']],
  ['刘䶮', '5001', ['ZX2025-01']],
  ['张𠇔', '5002', ['ZX2025-01']],
  ['吕绿', '6001', ['ZX2025-01']],
  ['欧阳小明', '7001', MASKED], // 欧**明
  ['陈小明', '800X', ['ZX2025-01']],
];

/** The fixture village, built and opened as the page would. */
export function fixtureVillage(people = FIXTURE_PEOPLE): VillageSearch & { inputs: HouseholdInput[] } {
  seq = 0;
  const inputs = people.map(([name, last4, funds]) => household(name, last4, funds));
  const shard = buildVillageShard(
    { village: { code: '430524101201', name: '和平村', townshipCode: '430524101' }, households: inputs },
    FUNDS_BY_CODE,
  );
  return { ...openVillage(shard.index, shard.store), inputs };
}
