// Sample inquiries for the sample county (SAMPLE_SEEDERS), so the statistics page, the
// published answers and the annual-report table are not empty. Every item goes through
// the same service functions staff use (file → triage → draft → approve), dated from
// January 2025 to the last weeks before today; a few recent ones are still open, a few
// were answered late, and the audit office gets too few items to be ranked.
import type { Db } from '../db/client.ts';
import { Rng } from '../generate/prng.ts';
import { addWorkingDays, chinaDate } from './calendar.ts';
import type { Outcome } from './disclosure.ts';
import type { Category, Requester } from './schema.ts';
import { departments } from './reads.ts';
import { submitInquiry, type Actor } from './service.ts';
import { draft, review, triage } from './staff.ts';

const STAFF: Actor = { id: null, name: '样例数据' };

interface Template {
  category: Category;
  subject: string;
  body: string;
  answer: string;
}

const TEMPLATES: Template[] = [
  { category: 'consult', subject: '低保申请需要哪些材料', body: '家里老人生病，想申请低保，请问需要准备哪些材料，到哪里办理？', answer: '请携带户口簿、身份证、家庭收入和医疗费用证明，到户籍所在地乡镇人民政府社会事务办提出申请。' },
  { category: 'consult', subject: '养老金每月什么时候发', body: '我母亲今年满 60 岁，城乡居民养老金每个月几号发到卡上？', answer: '城乡居民基本养老保险待遇每月 10 日前发放到本人社会保障卡。首次领取需先完成资格认证。' },
  { category: 'complaint', subject: '耕地地力保护补贴没有到账', body: '本村其他户都收到了今年的耕地补贴，我家还没有到账，请核实。', answer: '经核实，您家因银行卡号变更导致发放失败，已于更正后重新发放，请查询社会保障卡流水。' },
  { category: 'complaint', subject: '公示的补贴金额与实际收到不符', body: '网站上显示我家养老金 461.73 元，实际收到 431.73 元。', answer: '差额 30 元为代扣的城乡居民医疗保险个人缴费，已在发放清册中注明。' },
  { category: 'suggestion', subject: '建议在村里增设查询点', body: '村里老人不会用手机，建议在村委会放一台查询机，方便查补贴。', answer: '感谢建议。县财政局已计划在各村便民服务点设置查询终端，年内完成。' },
  { category: 'complaint', subject: '项目工地长期停工', body: '村里的高标准农田项目停工两个多月，没有人管。', answer: '经县发展和改革局现场核查，停工系雨季影响，施工单位已于上周复工，工期顺延已报批。' },
  { category: 'consult', subject: '三公经费在哪里公开', body: '想了解县里各部门的三公经费，在网站哪个栏目？', answer: '见“部门预算”栏目，各单位页面列有因公出国（境）费、公务用车购置及运行费和公务接待费。' },
  { category: 'disclosure', subject: '申请公开2025年残疾人生活补贴发放名单', body: '依据《政府信息公开条例》，申请公开本镇2025年困难残疾人生活补贴发放名单（姓名脱敏）。', answer: '您申请的信息已在本网站“专项资金”栏目公开，名单姓名已脱敏，可下载 CSV 文件。' },
  { category: 'disclosure', subject: '申请公开某项目招标文件', body: '申请公开本村高标准农田建设项目的招标文件和中标通知书。', answer: '招标文件和中标通知书已通过县公共资源交易中心网站公开，现将链接告知如下。' },
];

const OUTCOME_POOL: Outcome[] = ['granted', 'granted', 'granted', 'partial', 'unable.not-held', 'rejected.petition', 'denied.third-party'];
const REQUESTER_POOL: Requester[] = ['person', 'person', 'person', 'person', 'business', 'legal', 'other'];

/** China-time instant `hour` o'clock on `date`. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/** Add the sample inquiries (idempotent: does nothing if any inquiry exists). */
export function seedInquiries(db: Db, today = chinaDate(), count = 72): number {
  if ((db.$client.prepare('SELECT count(*) FROM inquiries').pluck().get() as number) > 0) return 0;
  const depts = departments(db).map((d) => d.code);
  if (depts.length === 0) return 0;
  const rng = new Rng(2025, 'inquiries');
  const small = depts.length > 3 ? depts[depts.length - 1] : undefined; // too few items to rank
  const start = Date.parse('2025-01-06T00:00:00Z');
  const end = Date.parse(`${today}T00:00:00Z`) - 86_400_000;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const tpl = rng.pick(TEMPLATES);
    const received = new Date(start + Math.floor(((end - start) * i) / count) + rng.int(5) * 86_400_000).toISOString().slice(0, 10);
    if (received > today) continue;
    let dept = rng.pick(depts);
    if (dept === small && n > 2) dept = depts[0] as string;
    const disclosure = tpl.category === 'disclosure';
    const r = submitInquiry(
      db,
      {
        category: tpl.category,
        requester: disclosure ? rng.pick(REQUESTER_POOL) : 'person',
        department: rng.chance(0.3) ? null : dept,
        record: null,
        subject: tpl.subject,
        body: tpl.body,
        name: rng.chance(0.6) ? '样例' : null,
        phone: null,
      },
      at(received, 9 + rng.int(8)),
    );
    if (dept === small) n++;
    triage(db, STAFF, r.id, { category: tpl.category, department: dept }, at(received, 17));
    // Answered after a number of working days: mostly well within the limit, sometimes late;
    // the most recent items are still open.
    const limit = r.deadline;
    const late = rng.chance(0.08);
    const days = late ? 12 + rng.int(8) : 1 + rng.int(disclosure ? 15 : 4);
    const answered = late ? addWorkingDays(limit, 1 + rng.int(4)).date : addWorkingDays(received, days).date;
    // Received in the last two weeks: still being handled; one in ten of the last two
    // months' complaints is left open past its deadline (flagged overdue).
    const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${received}T00:00:00Z`)) / 86_400_000;
    if (answered >= today || age < 14 || (age < 60 && tpl.category === 'complaint' && rng.chance(0.3))) continue;
    draft(db, STAFF, r.id, tpl.answer, at(answered, 10));
    review(db, STAFF, r.id, { approve: true, outcome: disclosure ? rng.pick(OUTCOME_POOL) : null }, at(answered, 15));
    const verdict = rng.float();
    if (verdict < 0.7 || verdict > 0.85) {
      const v = verdict < 0.7 ? 'resolved' : 'unresolved';
      db.$client.prepare('UPDATE inquiries SET verdict = ?, rating = ? WHERE id = ?').run(v, v === 'resolved' ? 4 + rng.int(2) : 1 + rng.int(3), r.id);
    }
  }
  // A few "this answered my question" clicks on the answer library.
  const slugs = ['subsidy-not-received', 'pension-standard', 'dibao-apply', 'name-masked', 'how-to-apply-disclosure'];
  const helped = db.$client.prepare('INSERT INTO answer_feedback (slug, at) VALUES (?, ?)');
  for (let i = 0; i < 120; i++) helped.run(rng.pick(slugs), new Date(start + rng.int(end - start)).toISOString());
  return db.$client.prepare('SELECT count(*) FROM inquiries').pluck().get() as number;
}
