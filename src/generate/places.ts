// Place and company names for the synthetic county: plausible for a hill county in
// central China, not copied from any one real county.
import { Rng } from './prng.ts';

/** The county's 6-digit region code (县级行政区划代码) used in its area codes and ID numbers. */
export const COUNTY_CODE = '430524';
/** Neighbouring counties: where some spouses were born, per their ID numbers. */
export const NEIGHBOUR_CODES = ['430521', '430522', '430523', '430525', '430527', '430581', '431321'];

/** Township names; the first is the county seat. */
export const TOWNSHIPS = [
  '城关镇', '石门镇', '长塘镇', '金石桥镇', '荷香桥镇', '高坪镇', '桃花坪镇', '司门前镇', '周旺镇',
  '岩口镇', '北山镇', '七江镇', '横板桥镇', '罗洪镇', '西洋江镇', '滩头镇', '山界乡', '麻塘山乡',
  '鸭田镇', '雨山铺镇',
];

const VILLAGE_FIRST = Array.from('石长高枫柳新大小黄白青龙凤桃杨马金上下东西南中双三五七九花竹茶梅松杉水沙泉坪田');
const VILLAGE_SECOND = Array.from('门塘坪林溪山冲湾桥田岭坡坝江口铺洲源峰园庄岗湖塅垅坳寨屋堰');
const COMMUNITY_NAMES = [
  '东门', '西门', '南门', '北门', '解放', '人民', '建设', '新华', '和平', '车站', '文化', '向阳',
  '桃源', '迎宾', '城南', '城北', '滨江', '育才', '花园', '金桥',
];

/**
 * `count` village names for one township, the first `communities` of them 社区, unique
 * within the township. The first community is named after the township seat.
 */
export function villageNames(rng: Rng, township: string, count: number, communities: number): { name: string; kind: '村' | '社区' }[] {
  const used = new Set<string>();
  const out: { name: string; kind: '村' | '社区' }[] = [];
  const pool = COMMUNITY_NAMES.slice();
  for (let i = 0; i < communities; i++) {
    const base = i === 0 ? township.slice(0, 2) : (pool.splice(rng.int(pool.length), 1)[0] as string);
    if (used.has(base)) continue;
    used.add(base);
    out.push({ name: `${base}社区`, kind: '社区' });
  }
  while (out.length < count) {
    const base = rng.pick(VILLAGE_FIRST) + rng.pick(VILLAGE_SECOND);
    if (used.has(base) || base[0] === base[1]) continue;
    used.add(base);
    out.push({ name: `${base}村`, kind: '村' });
  }
  return out;
}

const FIRM_PREFIX = ['湖南', '邵阳市', '湖南省', '湖南', '县'];
const FIRM_WORDS = ['宏达', '鑫源', '恒通', '华建', '路通', '兴旺', '宏盛', '顺达', '金穗', '绿源', '建鑫', '安平', '湘运', '远大', '永固', '正泰', '联创', '百川'];
const FIRM_KINDS = ['建设工程有限公司', '建筑工程有限公司', '路桥建设有限公司', '水利水电工程有限公司', '市政工程有限公司', '农业开发有限公司', '园林绿化工程有限公司', '建设有限责任公司'];

/** A realistic contractor name (承建单位). */
export function contractorName(rng: Rng): string {
  const prefix = rng.pick(FIRM_PREFIX);
  return `${prefix === '县' ? '' : prefix}${rng.pick(FIRM_WORDS)}${rng.pick(FIRM_KINDS)}`;
}

const PLACE_PARTS = ['村东片', '村西片', '村南片', '村北片', '村部周边', '沿河一带', '后山片'];

/** A place inside a village (建设地点), e.g. '3组至5组' or '村东片'. */
export function placeInVillage(rng: Rng): string {
  if (rng.chance(0.5)) {
    const a = rng.between(1, 9);
    return `${a}组至${a + rng.between(1, 5)}组`;
  }
  return rng.pick(PLACE_PARTS);
}
