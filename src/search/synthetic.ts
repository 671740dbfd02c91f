// A synthetic county shaped like the seed (20 townships, 300 villages, ~149k households,
// ~880k payments), generated lazily village by village from a seeded PRNG so the
// benchmark and tests need no database and stay in bounded memory. Names follow
// realistic surname frequencies, with clan villages where a few surnames dominate.
import { maskName } from '../privacy/names.ts';
import type {
  FundInput,
  HouseholdInput,
  InstitutionInput,
  ProjectInput,
  StaffInput,
  TownshipInput,
  VillageShardInput,
} from './types.ts';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Surnames with rough national shares (per mille); 单 曾 解 仇 have surname-only readings.
const SURNAMES: [string, number][] = (
  '王71 李70 张67 刘54 陈46 杨31 黄24 赵23 吴20 周19 徐16 孙15 马14 朱13 胡12 郭11 何11 林10 ' +
  '高10 罗9 郑8 梁8 谢7 宋6 唐6 许6 韩6 冯5 邓5 曹5 彭5 曾5 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 ' +
  '余4 杜3 叶3 程3 苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔2 钟2 谭2 陆2 汪2 范2 金2 石2 廖2 ' +
  '贾2 夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 段2 雷2 侯2 龙2 史2 陶1 黎1 贺1 ' +
  '顾1 毛1 郝1 龚1 邵1 万1 钱1 严1 覃1 武1 戴1 莫1 孔1 向1 汤1 单1 解1 仇1 安1 欧阳1 司马1'
)
  .split(' ')
  .map((s) => [s.replace(/\d+$/, ''), Number(s.match(/\d+$/)![0])]);

const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉梅红志文辉海燕林春花' +
  '小晓金云凤鹏飞斌宇浩凯健俊帆帅旭宁龙琳婷雪梅荣德成福贵生祥发顺有财富喜全安康长乐' +
  '东南西北中山水石松柏竹兵武卫民新宏波永泉光进清亮翠莲菊香芬萍爱珍美丽秋月星辰';
const GIVEN_CHARS = Array.from(GIVEN);
const RARE = ['䶮', '𠇔', '堃', '犇', '淼'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function weighted(rand: () => number, list: readonly [string, number][], total: number): string {
  let r = rand() * total;
  for (const [item, w] of list) if ((r -= w) < 0) return item;
  return list[list.length - 1]![0];
}

const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

/** A plausible full name; `clan` surnames take ~45% of a village. */
export function personName(rand: () => number, clan: readonly string[] = []): string {
  const surname = clan.length > 0 && rand() < 0.45 ? pick(rand, clan) : weighted(rand, SURNAMES, SURNAME_TOTAL);
  const givenChar = (): string => (rand() < 0.002 ? pick(rand, RARE) : pick(rand, GIVEN_CHARS));
  const givenLength = rand() < 0.15 ? 1 : 2;
  let name = surname;
  for (let i = 0; i < givenLength; i++) name += givenChar();
  return name;
}

// 18 fund lines over 3 years = 54 funds (+1 project fund = 55). Share = chance a household
// gets it in a year. Agricultural subsidies are published by full name, welfare masked.
const FUND_LINES: [string, number, 'full' | 'masked', number, number][] = [
  ['耕地地力保护补贴', 0.7, 'full', 8000, 60000],
  ['稻谷目标价格补贴', 0.35, 'full', 3000, 30000],
  ['农机购置补贴', 0.03, 'full', 100000, 900000],
  ['生态公益林补偿', 0.25, 'full', 1000, 20000],
  ['退耕还林补助', 0.12, 'full', 5000, 40000],
  ['城乡居民基本养老保险', 0.15, 'masked', 100000, 200000],
  ['最低生活保障金', 0.07, 'masked', 200000, 600000],
  ['特困人员救助供养金', 0.015, 'masked', 400000, 900000],
  ['残疾人两项补贴', 0.04, 'masked', 70000, 150000],
  ['高龄津贴', 0.05, 'masked', 30000, 120000],
  ['农村危房改造补助', 0.006, 'masked', 1000000, 3500000],
  ['义务教育家庭经济困难学生生活补助', 0.04, 'masked', 50000, 125000],
  ['计划生育奖励扶助金', 0.03, 'masked', 96000, 144000],
  ['临时救助金', 0.02, 'masked', 30000, 300000],
  ['优抚对象抚恤补助', 0.01, 'masked', 300000, 2000000],
  ['种粮农民一次性补贴', 0.06, 'full', 2000, 15000],
  ['易地扶贫搬迁补助', 0.003, 'masked', 1500000, 6000000],
  ['孤儿基本生活费', 0.002, 'masked', 600000, 1200000],
];
const YEARS = [2023, 2024, 2025];

/** The county's funds: 18 lines × 3 years, plus one paid to projects. */
export function syntheticFunds(): FundInput[] {
  const funds: FundInput[] = [];
  YEARS.forEach((year) =>
    FUND_LINES.forEach(([name, , display], i) =>
      funds.push({ code: `ZX${year}-${String(i + 1).padStart(2, '0')}`, name, year, office: '农业股', kind: 'household', nameDisplay: display }),
    ),
  );
  funds.push({ code: 'ZX2025-40', name: '高标准农田建设', year: 2025, office: '农业股', kind: 'project', nameDisplay: 'masked' });
  return funds;
}

/** Options of the synthetic county; defaults give the seed's scale. */
export interface SyntheticOptions {
  seed?: number;
  townships?: number;
  villagesPerTownship?: number;
  householdsPerVillage?: number;
}

/** A generated village: the builder's input, and the full names only a privacy test may see. */
export interface SyntheticVillage {
  input: VillageShardInput;
  /** 户号 → full name, for every household (masked ones included) */
  fullNames: Map<string, string>;
}

const TOWN_CHARS = Array.from('桃花坪六都寨滩头荷香桥金石山塘周旺铺罗洪司门前高平小沙江麻塘七江横板荷田岩口鸭田');
const VILLAGE_CHARS = Array.from('和平东西南北新建红星光明胜利团结前进幸福双江大塘石桥柳树枫林竹山茶园杨梅龙泉');

/** Townships and villages with codes shaped like 统计用区划代码 (9 and 12 digits). */
export function syntheticAreas(opts: SyntheticOptions = {}): TownshipInput[] {
  const rand = prng((opts.seed ?? 1) * 7919);
  const used = new Set<string>();
  const uniqueName = (chars: string[], suffix: string): string => {
    for (;;) {
      const n = pick(rand, chars) + pick(rand, chars) + suffix;
      if (!used.has(n)) return used.add(n), n;
    }
  };
  return Array.from({ length: opts.townships ?? 20 }, (_, t) => {
    const code = `430524${String(101 + t)}`;
    return {
      code,
      name: uniqueName(TOWN_CHARS, t % 3 === 0 ? '乡' : '镇'),
      villages: Array.from({ length: opts.villagesPerTownship ?? 15 }, (_, v) => ({
        code: `${code}${String(201 + v)}`,
        name: uniqueName(VILLAGE_CHARS, v === 0 ? '社区' : '村'),
      })),
    };
  });
}

/** Villages one at a time (lazily: bounded memory), each from its own seeded stream. */
export function* syntheticVillages(opts: SyntheticOptions = {}): Generator<SyntheticVillage> {
  const funds = syntheticFunds().filter((f) => f.kind === 'household');
  const fullFunds = new Set(funds.filter((f) => f.nameDisplay === 'full').map((f) => f.code));
  let n = 0;
  for (const township of syntheticAreas(opts)) {
    for (const v of township.villages) {
      const rand = prng(((opts.seed ?? 1) * 1_000_003 + ++n * 7_777) >>> 0);
      const clan = [weighted(rand, SURNAMES, SURNAME_TOTAL), weighted(rand, SURNAMES, SURNAME_TOTAL)];
      const mean = opts.householdsPerVillage ?? 492;
      const count = Math.max(1, Math.round(mean * (0.5 + rand())));
      const households: HouseholdInput[] = [];
      const fullNames = new Map<string, string>();
      for (let i = 1; i <= count; i++) {
        const householdNo = String(i).padStart(4, '0');
        const fullName = personName(rand, clan);
        const payments = funds.flatMap((f) => {
          const line = FUND_LINES[Number(f.code.slice(-2)) - 1]!;
          if (rand() >= line[1]) return [];
          const amountFen = Math.round((line[3] + rand() * (line[4] - line[3])) / 100) * 100;
          const paidOn = `${f.year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
          const status = rand() < 0.985 ? '已发放' : rand() < 0.5 ? '待发放' : '已退回';
          return [{ fundCode: f.code, amountFen, paidOn, status }];
        });
        const publishable = payments.length > 0 && payments.every((p) => fullFunds.has(p.fundCode));
        const last = rand() < 0.09 ? 'X' : String(Math.floor(rand() * 10));
        const idLast4 = String(Math.floor(rand() * 1000)).padStart(3, '0') + last;
        households.push({ householdNo, nameMasked: maskName(fullName), ...(publishable ? { fullName } : {}), idLast4, payments });
        fullNames.set(householdNo, fullName);
      }
      yield { input: { village: { code: v.code, name: v.name, townshipCode: township.code }, households }, fullNames };
    }
  }
}

/** Projects, institutions and real-name staff for the side indexes. */
export function syntheticSideData(opts: SyntheticOptions = {}): {
  projects: ProjectInput[];
  institutions: InstitutionInput[];
  staff: StaffInput[];
} {
  const rand = prng((opts.seed ?? 1) * 104_729);
  const areas = syntheticAreas(opts);
  const works = ['道路硬化工程', '安全饮水工程', '高标准农田建设', '山塘清淤扩容', '村级活动场所建设', '河道治理'];
  const projects: ProjectInput[] = Array.from({ length: 518 }, (_, i) => {
    const t = pick(rand, areas);
    const v = pick(rand, t.villages);
    const work = pick(rand, works);
    return {
      code: `XM${YEARS[i % 3]}-${String(i + 1).padStart(3, '0')}`,
      name: `${v.name}${work}`,
      fundCode: 'ZX2025-40',
      township: t.name,
      village: v.name,
      place: `${v.name}${pick(rand, ['一组', '二组', '三组', '村部'])}至${pick(rand, ['G207', 'S312', 'X045', '镇区'])}`,
      amountFen: Math.round(rand() * 5_000_000) * 100,
      status: pick(rand, ['已完工', '在建', '计划']),
    };
  });
  const depts = ['教育局', '卫生健康局', '农业农村局', '自然资源局', '财政局', '民政局', '水利局', '交通运输局'];
  const institutions: InstitutionInput[] = Array.from({ length: 343 }, (_, i) => {
    const dept = pick(rand, depts);
    const place = pick(rand, areas).name;
    return { code: `JG${String(i + 1).padStart(4, '0')}`, name: `${place}${dept.replace('局', '')}服务中心${i}`, kind: i < 60 ? '行政' : '事业', parent: dept };
  });
  const staff: StaffInput[] = Array.from({ length: 11_482 }, () => ({
    name: personName(rand),
    institutionCode: pick(rand, institutions).code,
    post: pick(rand, ['科员', '副主任', '主任', '教师', '医师', '技术员']),
    quotaType: pick(rand, ['行政编制', '事业编制', '工勤编制']),
  }));
  return { projects, institutions, staff };
}

/**
 * The full names that must not appear in a village's files: those of households shown
 * masked, less any name a household shown in full in the same village also bears.
 */
export function privateNamesOf(v: SyntheticVillage): { villageCode: string; fullName: string }[] {
  const shownFull = new Set(v.input.households.flatMap((h) => (h.fullName ? [h.fullName] : [])));
  const out: { villageCode: string; fullName: string }[] = [];
  for (const h of v.input.households) {
    const name = v.fullNames.get(h.householdNo);
    if (name && !h.fullName && !shownFull.has(name)) out.push({ villageCode: v.input.village.code, fullName: name });
  }
  return out;
}
