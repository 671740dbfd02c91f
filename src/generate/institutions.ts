// The county's institutions (机构) as an establishment office lists them: county bodies,
// county public institutions, each township's government and stations, and the village
// primary schools that make up the count. Sizes are typical approved establishments.
import type { Township } from './county.ts';
import type { Rng } from './prng.ts';

export type Profile = 'gov' | 'township' | 'school' | 'hospital' | 'station';
export type QuotaType = '行政编制' | '事业编制' | '工勤编制';

export interface InstitutionDraft {
  name: string;
  kind: '行政' | '事业';
  parent: string;
  profile: Profile;
  leaderPosts: number;
  quotas: Partial<Record<QuotaType, number>>;
}

// [name, approved establishment] — 行政 bodies hold 行政编制 (plus a few 工勤).
const COUNTY_GOV: readonly (readonly [string, number])[] = [
  ['县委办公室', 28], ['县人大常委会办公室', 22], ['县人民政府办公室', 30], ['县政协办公室', 18], ['县纪委监委机关', 48],
  ['县委组织部', 24], ['县委宣传部', 16], ['县委统战部', 12], ['县委政法委员会', 14], ['县委机构编制委员会办公室', 9],
  ['县委巡察工作领导小组办公室', 12], ['县发展和改革局', 22], ['县教育局', 20], ['县科学技术和工业信息化局', 14],
  ['县公安局', 210], ['县民政局', 14], ['县司法局', 30], ['县财政局', 28], ['县人力资源和社会保障局', 18],
  ['县自然资源局', 26], ['县住房和城乡建设局', 16], ['县交通运输局', 14], ['县水利局', 12], ['县农业农村局', 24],
  ['县商务局', 10], ['县文化旅游广电体育局', 14], ['县卫生健康局', 16], ['县退役军人事务局', 10], ['县应急管理局', 14],
  ['县审计局', 14], ['县市场监督管理局', 60], ['县统计局', 10], ['县医疗保障局', 10], ['县林业局', 14],
  ['县城市管理和综合执法局', 20], ['县信访局', 8], ['县行政审批服务局', 12], ['县人民法院', 70], ['县人民检察院', 48],
  ['县总工会', 8], ['共青团县委员会', 5], ['县妇女联合会', 5], ['县残疾人联合会', 6], ['县工商业联合会', 5], ['县科学技术协会', 5],
];

// [name, parent, profile, approved 事业编制]
const COUNTY_PUBLIC: readonly (readonly [string, string, Profile, number])[] = [
  ['县第一中学', '县教育局', 'school', 230], ['县第二中学', '县教育局', 'school', 175], ['县第三中学', '县教育局', 'school', 125],
  ['县职业中等专业学校', '县教育局', 'school', 100], ['县实验小学', '县教育局', 'school', 95], ['县城关第一小学', '县教育局', 'school', 85],
  ['县城关第二小学', '县教育局', 'school', 75], ['县特殊教育学校', '县教育局', 'school', 25], ['县幼儿园', '县教育局', 'school', 40],
  ['县教师发展中心', '县教育局', 'station', 20], ['县人民医院', '县卫生健康局', 'hospital', 400], ['县中医医院', '县卫生健康局', 'hospital', 215],
  ['县妇幼保健计划生育服务中心', '县卫生健康局', 'hospital', 100], ['县疾病预防控制中心', '县卫生健康局', 'hospital', 60],
  ['县融媒体中心', '县委宣传部', 'station', 45], ['县档案馆', '县委办公室', 'station', 12], ['县图书馆', '县文化旅游广电体育局', 'station', 10],
  ['县文化馆', '县文化旅游广电体育局', 'station', 12], ['县博物馆', '县文化旅游广电体育局', 'station', 8], ['县不动产登记中心', '县自然资源局', 'station', 25],
  ['县公共资源交易中心', '县人民政府办公室', 'station', 15], ['县财政事务中心', '县财政局', 'station', 30], ['县社会保险服务中心', '县人力资源和社会保障局', 'station', 35],
  ['县就业服务中心', '县人力资源和社会保障局', 'station', 15], ['县医疗保障事务中心', '县医疗保障局', 'station', 20], ['县农业技术推广中心', '县农业农村局', 'station', 30],
  ['县畜牧水产事务中心', '县农业农村局', 'station', 25], ['县林业事务中心', '县林业局', 'station', 30], ['县国有林场', '县林业局', 'station', 40],
  ['县公路建设养护中心', '县交通运输局', 'station', 45], ['县水利水电工程建设中心', '县水利局', 'station', 25], ['县城乡规划设计服务中心', '县住房和城乡建设局', 'station', 15],
  ['县社会福利院', '县民政局', 'station', 12], ['县殡葬服务中心', '县民政局', 'station', 10], ['县机关事务服务中心', '县人民政府办公室', 'station', 20],
  ['县政务服务中心', '县行政审批服务局', 'station', 18], ['县应急救援指挥中心', '县应急管理局', 'station', 12], ['县检验检测中心', '县市场监督管理局', 'station', 15],
  ['县自然资源事务中心', '县自然资源局', 'station', 20], ['县住房保障服务中心', '县住房和城乡建设局', 'station', 12],
];

/** The institutions before sizing: as many as `count`, in the order an establishment table lists them. */
export function draftInstitutions(rng: Rng, townships: readonly Township[], count: number): InstitutionDraft[] {
  const out: InstitutionDraft[] = [];
  const jitter = (n: number): number => Math.max(1, Math.round(n * rng.bell(1, 0.1, 0.75, 1.25)));
  const gov = (name: string, n: number): InstitutionDraft => ({
    name, kind: '行政', parent: '', profile: 'gov', leaderPosts: n > 100 ? 7 : n > 20 ? 5 : rng.between(3, 4),
    quotas: { 行政编制: jitter(n), 工勤编制: rng.between(0, n > 20 ? 3 : 1) },
  });
  const pub = (name: string, parent: string, profile: Profile, n: number): InstitutionDraft => ({
    name, kind: '事业', parent, profile, leaderPosts: profile === 'hospital' || n > 100 ? 5 : n > 30 ? 3 : rng.between(1, 2),
    quotas: { 事业编制: jitter(n), 工勤编制: rng.between(0, n > 50 ? 6 : 1) },
  });
  const seat = (t: Township) => t.name.replace(/[镇乡]$/, '');
  const countyGov = COUNTY_GOV.map(([n, size]) => gov(n, size));
  const countyPublic = COUNTY_PUBLIC.map(([n, parent, profile, size]) => pub(n, parent, profile, size));
  const townshipBlocks = townships.map((t) => {
    const g = `${t.name}人民政府`;
    const kind = t.name.endsWith('乡') ? '乡' : '镇';
    return [
      { ...gov(g, rng.between(28, 45)), profile: 'township' as const, leaderPosts: rng.between(9, 12) },
      pub(`${t.name}农业综合服务中心`, g, 'station', rng.between(12, 25)),
      pub(`${t.name}社会事务综合服务中心`, g, 'station', rng.between(8, 18)),
      pub(`${t.name}退役军人服务站`, g, 'station', rng.between(2, 4)),
      pub(`${t.name}财政所`, '县财政局', 'station', rng.between(5, 9)),
      pub(`${t.name}中心学校`, '县教育局', 'school', rng.between(60, 140)),
      pub(`${seat(t)}${kind}中学`, '县教育局', 'school', rng.between(50, 110)),
      pub(`${t.name}卫生院`, '县卫生健康局', 'hospital', rng.between(25, 60)),
    ];
  });
  if (count < 20) {
    // The small sample: a few of each sort.
    out.push(...countyGov.filter((d) => ['县财政局', '县教育局', '县农业农村局', '县民政局'].includes(d.name)));
    out.push(...countyPublic.filter((d) => ['县第一中学', '县人民医院'].includes(d.name)));
    for (const block of townshipBlocks) out.push(block[0] as InstitutionDraft);
    for (const block of townshipBlocks) if (out.length < count) out.push(block[5] as InstitutionDraft);
    return out.slice(0, count);
  }
  out.push(...countyGov, ...countyPublic, ...townshipBlocks.flat());
  // Village primary schools, round-robin over the townships, until the count is reached.
  const pools = townships.map((t) => t.villages.filter((v) => v.kind === '村'));
  for (let k = 0; out.length < count; k++) {
    const t = townships[k % townships.length] as Township;
    const v = pools[k % townships.length]?.[Math.floor(k / townships.length)];
    if (!v && k > 100 * townships.length) throw new Error('not enough villages for the schools');
    if (!v) continue;
    out.push(pub(`${t.name}${v.name.replace(/村$/, '')}小学`, `${t.name}中心学校`, 'school', rng.between(8, 30)));
  }
  return out;
}
