// Chinese personal names with realistic frequencies. Surname weights follow the national
// ranking (per 10,000 people, 2020 census order, tilted a little to central China), plus
// the compound surnames and the surnames read differently as a surname (单 Shàn, 曾 Zēng,
// 解 Xiè, 仇 Qiú, 朴 Piáo, 区 Ōu …) that the search's pinyin surname mode must handle.
import { Rng, Weighted } from './prng.ts';

const SURNAME_TABLE = `王790 李740 张700 刘540 陈470 杨320 黄230 赵220 吴210 周200 徐140 孙130 马120
朱120 胡120 郭110 何110 林100 罗110 高90 郑80 梁80 谢90 宋70 唐90 许70 韩70 邓80 冯60 曹60
彭80 曾70 肖70 田50 董50 潘50 袁60 蔡50 蒋60 余50 于50 杜40 叶40 程40 魏40 苏40 吕40 丁40
任40 卢40 姚40 沈30 钟40 姜30 崔30 谭50 陆30 范30 汪30 廖40 石40 金30 韦20 贾30 夏30 付30
方30 邹40 熊40 白30 孟20 秦20 邱30 侯20 江20 尹30 薛20 闫20 段20 雷30 龙30 黎20 史20 陶20
贺30 毛20 郝20 顾20 龚20 邵30 万20 覃10 武20 钱20 戴20 严20 莫20 孔10 向30 常10 汤20 康10
易20 乔10 赖20 文20 申10 伍20 聂10 欧阳8 司马2 诸葛1 上官2 司徒1 尉迟1 单4 解3 仇3
朴2 区2 查3 盖2 缪3`;

const SURNAMES = new Weighted<string>(
  SURNAME_TABLE.split(/\s+/).map((t) => {
    const m = /^(\D+)(\d+)$/.exec(t);
    if (!m) throw new Error(`bad surname entry ${t}`);
    return [m[1] as string, Number(m[2])] as const;
  }),
);

/** Surnames that need care in search; every generated county shows each at least once. */
export const SPECIAL_SURNAMES = ['欧阳', '司马', '单', '曾', '解', '仇', '朴', '诸葛', '上官', '区', '查', '覃', '司徒', '尉迟'];

/** Name characters outside U+4E00–U+9FA5 (CJK Extension A/B/E/F): real, and rare. */
export const RARE_CHARS = ['䶮', '𠇔', '𫖯', '𬘭', '㛃'];

const chars = (s: string): string[] => Array.from(s.replace(/\s/g, ''));
// Given-name characters by gender and generation: people born before ~1975 carry the
// names of their time (建国, 秀英, 桂兰), younger people the names of theirs (浩宇, 欣怡).
const MALE_OLD_1 = chars('建国志德明文福贵长春金光荣富海清松林成顺军红卫东平玉永保庆树兴忠良友新家运先');
const MALE_OLD_2 = chars('国华明军平生福林清强荣发成民才山贵祥财根勇文武辉兵德章元安泉义');
const MALE_NEW_1 = chars('伟志建家子俊浩宇文晓嘉振博天立泽思佳明永');
const MALE_NEW_2 = chars('伟强磊军勇杰涛超斌鹏浩宇俊峰飞辉波亮晨轩阳龙帅鑫坤凯毅翔昊博豪');
const FEMALE_OLD_1 = chars('秀桂玉淑凤翠春冬金银满兰珍梅莲香素美爱月彩');
const FEMALE_OLD_2 = chars('英兰珍梅莲华香娥芳凤荣霞琴云花菊秀枝芬娟');
const FEMALE_NEW_1 = chars('丽晓雅思欣佳梦雨诗海春小美慧');
const FEMALE_NEW_2 = chars('丽娟敏静燕艳芳婷娜丹玲倩慧颖琳欣怡雪晶璐蕾薇琪瑶萍红霞');

/** A surname drawn by national frequency. */
export function drawSurname(rng: Rng): string {
  return SURNAMES.draw(rng);
}

/** A given name of one or two characters fitting gender and birth year. */
export function drawGivenName(rng: Rng, male: boolean, birthYear: number): string {
  const modern = rng.chance(birthYear >= 1980 ? 0.9 : birthYear >= 1970 ? 0.4 : 0.03);
  const [first, second] = male
    ? modern ? [MALE_NEW_1, MALE_NEW_2] : [MALE_OLD_1, MALE_OLD_2]
    : modern ? [FEMALE_NEW_1, FEMALE_NEW_2] : [FEMALE_OLD_1, FEMALE_OLD_2];
  // Single-character given names peak for people born in the 1980s and 1990s.
  const single = rng.chance(birthYear >= 1978 ? 0.28 : 0.12);
  if (single) return rng.pick(second);
  const a = rng.pick(first);
  let b = rng.pick(second);
  if (b === a && !(!male && modern && rng.chance(0.5))) b = rng.pick(second); // 婷婷 is fine, 国国 is not
  return a + b;
}

/** Replaces the given name's last character by a rare one (e.g. 王小䶮), drawn unless given. */
export function withRareChar(rng: Rng, fullName: string, surname: string, rare?: string): string {
  const given = Array.from(fullName.slice(surname.length));
  given[given.length - 1] = rare ?? rng.pick(RARE_CHARS);
  return surname + given.join('');
}
