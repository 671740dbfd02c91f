// The county's 35 funds paid to households (到人到户): who receives each, how often, and
// how much. Rates and standards are the published ones of a central-China province where
// known (耕地地力保护补贴 105 元/亩, 公益林 15.75 元/亩, 残疾人两项补贴 80/90 元/月 …);
// the coverage rates were tuned so the seed county pays 882,804 times.
import type { Household, HouseholdFund, Member } from './model.ts';
import { age } from './model.ts';
import type { Rng } from './prng.ts';

type Pick = (h: Household, rng: Rng) => number[];

/** The head, with probability p, when the condition holds. */
const head = (p: number, when: (h: Household) => boolean = () => true): Pick =>
  (h, rng) => (when(h) && rng.chance(p) ? [0] : []);

/** Every member matching, each with probability p. */
const members = (p: number, when: (m: Member, h: Household) => boolean): Pick =>
  (h, rng) => {
    const out: number[] = [];
    h.members.forEach((m, i) => {
      if (when(m, h) && rng.chance(p)) out.push(i);
    });
    return out;
  };

/** One working-age member (18–60), with probability p. */
const worker = (p: number, when: (h: Household) => boolean): Pick =>
  (h, rng) => {
    if (!when(h) || !rng.chance(p)) return [];
    const able = h.members.flatMap((m, i) => (age(m) >= 18 && age(m) <= 60 ? [i] : []));
    return able.length ? [rng.pick(able)] : [];
  };

const fixed = (...fen: number[]) => (_h: Household, _m: Member, rng: Rng): number => rng.pick(fen);
/** Per-亩 subsidies: area in hundredths of a 亩 × 元/亩 gives 分 directly. */
const perMu = (area: number, yuanPerMu: number): number => Math.max(1, Math.round(area * yuanPerMu));
const rural = (h: Household): boolean => h.rural;

export const HOUSEHOLD_FUNDS: readonly HouseholdFund[] = [
  {
    name: '耕地地力保护补贴', office: '农业股', policy: '财农〔2025〕12号、湘财农〔2025〕18号',
    schedule: 'once', month: 5, channel: '惠农一卡通', fullNames: true,
    // The land contract holder is the head, now and then the spouse or a grown child.
    recipients: (h, rng) => {
      if (!h.rural || h.land === 0 || !rng.chance(0.93)) return [];
      return h.members.length > 1 && rng.chance(0.05) ? [1] : [0];
    },
    amount: (h) => perMu(h.land, 105),
  },
  {
    name: '实际种粮农民一次性补贴', office: '农业股', policy: '财农〔2025〕20号',
    schedule: 'once', month: 8, channel: '惠农一卡通',
    recipients: head(1, (h) => h.rural && h.grain > 0),
    amount: (h) => perMu(h.grain, 16.8),
  },
  {
    name: '城乡居民基本养老保险待遇', office: '社会保障股', policy: '人社部发〔2024〕21号、湘人社发〔2025〕5号',
    schedule: 'quarterly', channel: '社会保障卡',
    recipients: members(0.64, (m) => age(m) >= 60),
    // Basic pension 143 元/月, +5 from 65, +15 from 75, plus the personal account, paid quarterly.
    amount: (_h, m, rng) => 3 * (14300 + (age(m) >= 65 ? 500 : 0) + (age(m) >= 75 ? 1000 : 0) + rng.between(0, 800)),
  },
  {
    name: '城乡居民最低生活保障金', office: '社会保障股', policy: '湘民发〔2025〕3号、湘财社〔2025〕9号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: (h, rng) => (rng.chance(h.poor ? 0.25 : h.rural ? 0.018 : 0.04) ? [0] : []),
    // The household's gap to the standard, for up to three persons.
    amount: (h, _m, rng) => Math.min(h.size, 3) * rng.between(80, 300) * 100,
    // The standard rose by 10 元 a person from July.
    later: (first, period, h) => (period >= 6 ? first + Math.min(h.size, 3) * 1000 : first),
  },
  {
    name: '特困人员救助供养金', office: '社会保障股', policy: '湘政发〔2024〕11号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: head(0.12, (h) => h.members.length === 1 && (age(h.members[0] as Member) >= 60 || h.members[0]?.disability === 2)),
    amount: (_h, m, rng) => 65000 + (m.disability === 2 ? 40000 : rng.pick([0, 0, 15000])),
  },
  {
    name: '困难残疾人生活补贴', office: '社会保障股', policy: '湘民发〔2025〕6号、湘残联发〔2025〕2号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: members(1, (m, h) => m.disability > 0 && (h.poor || m.disability === 2)),
    amount: () => 8000,
  },
  {
    name: '重度残疾人护理补贴', office: '社会保障股', policy: '湘民发〔2025〕6号、湘残联发〔2025〕2号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: members(0.95, (m) => m.disability === 2),
    amount: fixed(9000, 9000, 11000),
  },
  {
    name: '高龄津贴', office: '社会保障股', policy: '湘民发〔2024〕15号',
    schedule: 'quarterly', channel: '社会保障卡',
    recipients: members(0.97, (m) => age(m) >= 80),
    amount: (_h, m) => 3 * (age(m) >= 100 ? 60000 : age(m) >= 90 ? 10000 : 3000),
  },
  {
    name: '生态公益林补偿', office: '农业股', policy: '财资环〔2025〕7号、湘财资环〔2025〕4号',
    schedule: 'once', month: 10, channel: '惠农一卡通', fullNames: true,
    recipients: head(0.9, (h) => h.rural && h.forest > 0),
    amount: (h) => perMu(h.forest, 15.75),
  },
  {
    name: '退耕还林补助', office: '农业股', policy: '湘林退〔2025〕2号',
    schedule: 'once', month: 11, channel: '惠农一卡通',
    recipients: head(0.07, rural),
    amount: (_h, _m, rng) => perMu(rng.between(30, 650), 90),
  },
  {
    name: '稻谷补贴', office: '农业股', policy: '湘财农〔2025〕22号',
    schedule: 'once', month: 9, channel: '惠农一卡通',
    recipients: head(0.85, (h) => h.rural && h.rice > 0),
    amount: (h) => perMu(h.rice, 35),
  },
  {
    name: '农机购置与应用补贴', office: '农业股', policy: '农办计财〔2024〕6号、湘农发〔2025〕8号',
    schedule: 'once', month: 7, channel: '银行转账',
    recipients: head(0.008, rural),
    amount: fixed(147000, 198000, 283550, 360000, 540000, 840000, 1200000, 1920000, 2400000, 5600000),
  },
  {
    name: '农村低收入群体住房安全保障补助', office: '经济建设股', policy: '财社〔2025〕17号、湘建村〔2025〕3号',
    schedule: 'once', month: 9, channel: '惠农一卡通',
    recipients: (h, rng) => (h.rural && rng.chance(h.poor ? 0.02 : 0.0015) ? [0] : []),
    amount: fixed(2000000, 2500000, 3000000, 3500000),
  },
  {
    name: '农村部分计划生育家庭奖励扶助金', office: '社会保障股', policy: '国卫财务发〔2024〕9号',
    schedule: 'once', month: 6, channel: '惠农一卡通',
    recipients: members(0.06, (m) => age(m) >= 60),
    amount: () => 96000,
  },
  {
    name: '计划生育家庭特别扶助金', office: '社会保障股', policy: '国卫财务发〔2024〕9号、湘卫发〔2025〕4号',
    schedule: 'once', month: 6, channel: '惠农一卡通',
    recipients: head(0.005, (h) => age(h.members[0] as Member) >= 49),
    amount: fixed(708000, 564000),
  },
  {
    name: '优抚对象抚恤和生活补助', office: '社会保障股', policy: '退役军人部发〔2024〕35号',
    schedule: 'quarterly', channel: '社会保障卡',
    recipients: members(0.004, (m) => m.male && age(m) >= 40),
    amount: (_h, _m, rng) => 3 * rng.between(300, 1500) * 100,
  },
  {
    name: '临时救助金', office: '社会保障股', policy: '湘民发〔2025〕7号',
    schedule: 'once', month: 0, channel: '社会保障卡',
    recipients: (h, rng) => (rng.chance(h.poor ? 0.06 : 0.006) ? [0] : []),
    amount: (_h, _m, rng) => rng.between(3, 50) * 10000,
  },
  {
    name: '义务教育家庭经济困难学生生活补助', office: '教科文股', policy: '财教〔2025〕5号、湘财教〔2025〕7号',
    schedule: 'semester', channel: '惠农一卡通',
    recipients: (h, rng) => (h.pupils > 0 && rng.chance(h.poor ? 0.8 : 0.06) ? [0] : []),
    // 500 元 a term for a primary pupil, 625 元 for a junior-middle one.
    amount: (h, _m, rng) => {
      let sum = 0;
      for (let i = 0; i < h.pupils; i++) sum += rng.chance(0.6) ? 50000 : 62500;
      return sum;
    },
  },
  {
    name: '普通高中国家助学金', office: '教科文股', policy: '财教〔2024〕11号',
    schedule: 'semester', channel: '惠农一卡通',
    recipients: (h, rng) => (rng.chance(h.poor ? 0.12 : 0.015) ? [0] : []),
    amount: () => 100000,
  },
  {
    name: '中等职业学校国家助学金', office: '教科文股', policy: '财教〔2024〕11号',
    schedule: 'semester', channel: '惠农一卡通',
    recipients: (h, rng) => (rng.chance(h.poor ? 0.05 : 0.006) ? [0] : []),
    amount: () => 100000,
  },
  {
    name: '雨露计划职业教育补助', office: '农业股', policy: '湘乡振发〔2025〕2号',
    schedule: 'semester', channel: '惠农一卡通',
    recipients: head(0.15, (h) => h.poor),
    amount: () => 150000,
  },
  {
    name: '能繁母猪饲养补贴', office: '农业股', policy: '湘农发〔2025〕12号',
    schedule: 'once', month: 4, channel: '惠农一卡通',
    recipients: head(0.012, rural),
    amount: (_h, _m, rng) => rng.between(2, 40) * 10000,
  },
  {
    name: '渔业发展补助', office: '农业股', policy: '财农〔2024〕35号',
    schedule: 'once', month: 12, channel: '惠农一卡通',
    recipients: head(0.003, rural),
    amount: (_h, _m, rng) => rng.between(80000, 900000),
  },
  {
    name: '油菜种植补贴', office: '农业股', policy: '湘农发〔2024〕30号',
    schedule: 'once', month: 3, channel: '惠农一卡通',
    recipients: head(0.07, (h) => h.rural && h.land > 0),
    amount: (h, _m, rng) => perMu(rng.between(Math.min(50, h.land), h.land), 50),
  },
  {
    name: '油茶林新造补助', office: '农业股', policy: '湘林改〔2025〕1号',
    schedule: 'once', month: 11, channel: '惠农一卡通',
    recipients: head(0.01, rural),
    amount: (_h, _m, rng) => perMu(rng.between(100, 1000), 500),
  },
  {
    name: '大中型水库移民后期扶持资金', office: '农业股', policy: '湘移发〔2025〕1号',
    schedule: 'twice', channel: '惠农一卡通',
    recipients: head(0.03, rural),
    amount: (h) => 30000 * h.size,
  },
  {
    name: '脱贫人口小额信贷贴息', office: '农业股', policy: '湘财金〔2025〕6号',
    schedule: 'once', month: 12, channel: '银行转账',
    recipients: head(0.2, (h) => h.poor),
    // 3.45% a year on a 10,000–50,000 元 loan, for the months it ran.
    amount: (_h, _m, rng) => Math.round((rng.between(1, 5) * 1_000_000 * 0.0345 * rng.between(3, 12)) / 12),
  },
  {
    name: '脱贫户产业发展奖补', office: '农业股', policy: '湘乡振发〔2025〕5号',
    schedule: 'once', month: 10, channel: '惠农一卡通',
    recipients: head(0.6, (h) => h.poor),
    amount: (_h, _m, rng) => rng.between(4, 30) * 5000,
  },
  {
    name: '乡村公益性岗位补贴', office: '社会保障股', policy: '湘人社发〔2025〕12号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: worker(0.08, (h) => h.poor),
    amount: fixed(80000, 100000, 120000),
  },
  {
    name: '孤儿基本生活保障金', office: '社会保障股', policy: '民发〔2024〕18号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: head(0.0005),
    amount: () => 125000,
  },
  {
    name: '事实无人抚养儿童基本生活补贴', office: '社会保障股', policy: '民发〔2024〕18号',
    schedule: 'monthly', channel: '社会保障卡',
    recipients: head(0.0012),
    amount: () => 118000,
  },
  {
    name: '独生子女父母奖励金', office: '社会保障股', policy: '湘卫发〔2024〕8号',
    schedule: 'once', month: 5, channel: '惠农一卡通',
    recipients: head(0.03, (h) => (h.members[0]?.born ?? 0) >= 1960 && (h.members[0]?.born ?? 0) <= 1985),
    amount: fixed(60000, 120000),
  },
  {
    name: '耕地轮作休耕补助', office: '农业股', policy: '农农发〔2025〕3号',
    schedule: 'once', month: 11, channel: '惠农一卡通',
    recipients: head(0.01, (h) => h.rural && h.land > 0),
    amount: (h) => perMu(h.land, 150),
  },
  {
    name: '农村户厕改造奖补', office: '农业股', policy: '湘农发〔2025〕15号',
    schedule: 'once', month: 8, channel: '惠农一卡通',
    recipients: head(0.025, rural),
    amount: fixed(80000, 100000, 120000),
  },
  {
    name: '生态护林员补助', office: '农业股', policy: '林规发〔2024〕12号',
    schedule: 'quarterly', channel: '惠农一卡通',
    recipients: worker(0.06, (h) => h.poor && h.rural),
    amount: () => 250000,
  },
];

/** The fund whose recipient count is set so the seed county pays exactly 882,804 times. */
export const FILLER_FUND = '实际种粮农民一次性补贴';
