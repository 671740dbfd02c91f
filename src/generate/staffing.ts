// Establishment (机构编制): institutions, their approved quotas by type, and the real-name
// staff list. Most institutions have vacancies, a few are over establishment, and the
// county's headcount comes out exactly at the configured figure (11,482 for the seed).
import type { CsvWriter } from './csv.ts';
import type { Township } from './county.ts';
import { dayOf } from './dates.ts';
import { IdAllocator } from './idcard.ts';
import type { InstitutionDraft, Profile, QuotaType } from './institutions.ts';
import { draftInstitutions } from './institutions.ts';
import { YEAR } from './model.ts';
import { drawGivenName, drawSurname, withRareChar } from './names.ts';
import { COUNTY_CODE, NEIGHBOUR_CODES } from './places.ts';
import { Rng } from './prng.ts';

const QUOTA_TYPES: readonly QuotaType[] = ['行政编制', '事业编制', '工勤编制'];

interface Slot {
  inst: number;
  type: QuotaType;
  approved: number;
  head: number;
  over: boolean;
}

/** Leadership titles in order of rank: the first goes to one person, the last to the rest. */
function leaderTitles(d: InstitutionDraft): readonly string[] {
  const n = d.name;
  if (d.profile === 'township') {
    const head = n.includes('乡人民政府') ? '乡长' : '镇长';
    return ['党委书记', head, '党委副书记', '人大主席', `副${head}`];
  }
  if (d.profile === 'school') return ['校长', '副校长'];
  if (d.profile === 'hospital') return n.endsWith('院') ? ['院长', '副院长'] : ['主任', '副主任'];
  if (n.endsWith('局')) return ['局长', '副局长'];
  if (n.endsWith('部')) return ['部长', '副部长'];
  if (n.endsWith('法院')) return ['院长', '副院长'];
  if (n.endsWith('检察院')) return ['检察长', '副检察长'];
  if (/(联合会|工会|协会)$/.test(n)) return ['主席', '副主席'];
  if (/(委员会|机关)$/.test(n)) return ['书记', '副书记'];
  return ['主任', '副主任'];
}
const POSTS: Readonly<Record<QuotaType | Profile, readonly string[]>> = {
  行政编制: ['一级主任科员', '二级主任科员', '四级主任科员', '一级科员', '二级科员', '股长', '副股长', '科员'],
  事业编制: ['专业技术人员', '管理人员'],
  工勤编制: ['驾驶员', '工勤人员', '炊事员', '门卫', '技术工人'],
  gov: [], township: [],
  school: ['高级教师', '一级教师', '一级教师', '二级教师', '二级教师', '教师'],
  hospital: ['主任医师', '副主任医师', '主治医师', '医师', '医师', '主管护师', '护师', '护士', '护士', '药师', '检验师'],
  station: ['专业技术人员', '管理人员', '助理农艺师', '农艺师', '会计', '办事员'],
};
const FEMALE_SHARE: Readonly<Record<Profile, number>> = { gov: 0.32, township: 0.3, school: 0.58, hospital: 0.66, station: 0.4 };

/** Approved quotas scaled to suit `staff`, and headcounts adding up to it exactly. */
function size(rng: Rng, drafts: readonly InstitutionDraft[], staff: number): Slot[] {
  const slots: Slot[] = [];
  drafts.forEach((d, inst) => {
    for (const type of QUOTA_TYPES) {
      const n = d.quotas[type];
      if (n !== undefined && n > 0) slots.push({ inst, type, approved: n, head: 0, over: false });
    }
  });
  // Quotas leave room for about 7% vacancies overall.
  const factor = (staff * 1.07) / slots.reduce((s, x) => s + x.approved, 0);
  for (const s of slots) s.approved = Math.max(1, Math.round(s.approved * factor));
  const status = drafts.map(() => rng.float());
  for (const s of slots) {
    const x = status[s.inst] as number;
    s.over = x < 0.04 && s.type !== '工勤编制';
    s.head = s.over ? s.approved + Math.max(1, Math.round(s.approved * rng.bell(0.08, 0.04, 0.02, 0.2)))
      : x < 0.2 ? s.approved
      : Math.min(s.approved, Math.round(s.approved * rng.bell(0.9, 0.05, 0.7, 1)));
  }
  let diff = staff - slots.reduce((a, s) => a + s.head, 0);
  for (let guard = 0; diff !== 0; guard++) {
    if (guard > 1_000_000) throw new Error('cannot reach the staff total');
    const s = slots[rng.int(slots.length)] as Slot;
    if (diff > 0 && !s.over && s.head < s.approved - 1) {
      s.head++;
      diff--;
    } else if (diff < 0 && !s.over && s.head > 1) {
      s.head--;
      diff++;
    }
  }
  return slots;
}

/** Writes institutions, quotas and staff for `count` institutions and exactly `staff` people. */
export function writeStaffing(outs: { institutions: CsvWriter; quotas: CsvWriter; staff: CsvWriter }, seed: number, townships: readonly Township[], count: number, staff: number): void {
  const rng = new Rng(seed, 'staffing');
  const drafts = draftInstitutions(rng, townships, count);
  const slots = size(rng, drafts, staff);
  const codes: string[] = [];
  const serial = { 行政: 0, 事业: 0 };
  for (const d of drafts) {
    const code = `${COUNTY_CODE}${d.kind === '行政' ? 1 : 2}${String(++serial[d.kind]).padStart(3, '0')}`;
    codes.push(code);
    outs.institutions.row([code, d.name, d.kind, d.parent, d.leaderPosts]);
  }
  for (const s of slots) outs.quotas.row([codes[s.inst] as string, s.type, s.approved]);

  // Staff IDs use sequence slots 400–499, households 0–399: the two never collide.
  const ids = new IdAllocator(400, 100);
  const people = new Rng(seed, 'staff');
  const yearEnd = dayOf(YEAR, 12, 31);
  let leadersOver = false;
  for (const [inst, d] of drafts.entries()) {
    // One institution has more leaders than its approved posts (超职数配备), as audits find.
    const extra = !leadersOver && d.profile === 'gov' && people.chance(0.1) ? 1 : 0;
    if (extra) leadersOver = true;
    const titles = leaderTitles(d);
    let led = 0;
    for (const s of slots) {
      if (s.inst !== inst) continue;
      for (let k = 0; k < s.head; k++) {
        const male = !people.chance(FEMALE_SHARE[d.profile]);
        const born = Math.round(people.bell(1980, 8, 1965, 2002));
        const birth = dayOf(born, 1, 1) + people.int(365);
        const surname = drawSurname(people);
        let name = surname + drawGivenName(people, male, born);
        if (people.chance(0.0005)) name = withRareChar(people, name, surname);
        const id = ids.next(people.chance(0.85) ? COUNTY_CODE : people.pick(NEIGHBOUR_CODES), birth, male);
        let post: string;
        if (led < d.leaderPosts + extra && s.type !== '工勤编制') {
          post = titles[Math.min(led, titles.length - 1)] as string;
          led++;
        } else {
          const pool = s.type === '事业编制' && POSTS[d.profile].length > 0 ? POSTS[d.profile] : POSTS[s.type];
          post = people.pick(pool);
        }
        const joined = Math.min(yearEnd - people.int(60), birth + Math.round(people.bell(23.5, 1.5, 20, 30) * 365.25) + people.int(200));
        outs.staff.row([codes[inst] as string, name, male ? '男' : '女', s.type, post, id, joined]);
      }
    }
  }
}
