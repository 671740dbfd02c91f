// CSV kinds `institutions`, `quotas` and `staff` (the real-name list, 实名制).
import { eq, sql } from 'drizzle-orm';
import { parseCode, parseCount, parseDate, parseEnum, parseIdNumber, parseText } from '../import/fields.ts';
import { defineKind, opt, req, type LoadContext } from '../import/kind.ts';
import { hashIdNumber } from '../privacy/id-number.ts';
import { institutions, quotas, staff } from './schema.ts';

const INSTITUTION_KIND_LABELS = { 行政: '行政', 行政机关: '行政', 机关: '行政', administrative: '行政', 事业: '事业', 事业单位: '事业', public_institution: '事业' } as const;
const QUOTA_TYPE_LABELS = {
  行政编制: '行政编制',
  行政: '行政编制',
  administrative: '行政编制',
  事业编制: '事业编制',
  事业: '事业编制',
  public_institution: '事业编制',
  工勤编制: '工勤编制',
  工勤: '工勤编制',
  工勤人员编制: '工勤编制',
  worker: '工勤编制',
} as const;
const GENDER_LABELS = { 男: '男', 女: '女', m: '男', f: '女', male: '男', female: '女' } as const;

const institutionCode = (s: string) => parseCode(s, 2, 40);

function institutionLookup({ db }: LoadContext) {
  return new Map(db.select({ id: institutions.id, code: institutions.code, name: institutions.name }).from(institutions).all().map((i) => [i.code, i]));
}

export const institutionsKind = defineKind({
  name: 'institutions',
  title: { zh: '机构', en: 'Institutions' },
  columns: {
    code: req(['机构编码', '机构代码', '统一社会信用代码', 'institution_code'], institutionCode),
    name: req(['机构名称', '单位名称', 'institution_name'], (s) => parseText(s, 60)),
    kind: req(['机构类别', '机构类型', '单位类别', 'institution_kind'], (s) => parseEnum(s, INSTITUTION_KIND_LABELS)),
    parent: opt(['主管部门', '上级单位', 'parent'], (s) => parseText(s, 60)),
    leaderPosts: req(['领导职数', 'leader_posts'], parseCount),
  },
  open(ctx) {
    const { db, batchId, problem } = ctx;
    const existing = institutionLookup(ctx);
    const batchOf = db.select({ batchId: institutions.batchId }).from(institutions).where(eq(institutions.code, sql.placeholder('code'))).prepare();
    const seen = new Map<string, number>();
    return {
      add(r, row) {
        const earlier = seen.get(r.code);
        if (earlier) return problem({ column: 'code', value: r.code, code: 'unique.in_file', params: { row: earlier } });
        if (existing.has(r.code)) return problem({ column: 'code', value: r.code, code: 'unique.exists', params: { batch: batchOf.get({ code: r.code })?.batchId ?? '?' } });
        seen.set(r.code, row);
        db.insert(institutions).values({ ...r, parent: r.parent ?? '', batchId }).run();
      },
    };
  },
});

export const quotasKind = defineKind({
  name: 'quotas',
  title: { zh: '核定编制', en: 'Approved establishment' },
  columns: {
    institutionCode: req(['机构编码', '机构代码', 'institution_code'], institutionCode),
    type: req(['编制类型', '编制类别', 'quota_type'], (s) => parseEnum(s, QUOTA_TYPE_LABELS)),
    approved: req(['核定编制数', '核定数', '编制数', 'approved'], parseCount),
  },
  open(ctx) {
    const { db, batchId, problem } = ctx;
    const byCode = institutionLookup(ctx);
    const existing = new Set(db.select({ i: quotas.institutionId, t: quotas.type }).from(quotas).all().map((q) => `${q.i}/${q.t}`));
    const seen = new Map<string, number>();
    return {
      add(r, row) {
        const inst = byCode.get(r.institutionCode);
        if (!inst) return problem({ column: 'institutionCode', value: r.institutionCode, code: 'ref.institution', params: { value: r.institutionCode } });
        const key = `${inst.id}/${r.type}`;
        const earlier = seen.get(key);
        if (earlier) return problem({ column: 'type', value: r.type, code: 'unique.in_file', params: { row: earlier } });
        if (existing.has(key)) return problem({ column: 'type', value: r.type, code: 'unique.exists', params: { value: `${inst.name} ${r.type}`, batch: '?' } });
        seen.set(key, row);
        db.insert(quotas).values({ batchId, institutionId: inst.id, type: r.type, approved: r.approved }).run();
      },
    };
  },
});

export const staffKind = defineKind({
  name: 'staff',
  title: { zh: '实名制人员', en: 'Staff (real-name list)' },
  columns: {
    institutionCode: req(['机构编码', '机构代码', 'institution_code'], institutionCode),
    name: req(['姓名', 'name'], (s) => parseText(s, 30)),
    gender: req(['性别', 'gender'], (s) => parseEnum(s, GENDER_LABELS)),
    quotaType: req(['编制类型', '编制类别', 'quota_type'], (s) => parseEnum(s, QUOTA_TYPE_LABELS)),
    post: opt(['职务', '岗位', '职务(岗位)', 'post'], (s) => parseText(s, 40)),
    idNumber: { ...req(['身份证号', '身份证号码', '公民身份号码', 'id_number'], parseIdNumber), sensitive: true },
    joinedOn: opt(['入编时间', '入编日期', 'joined_on'], parseDate),
  },
  open(ctx) {
    const { db, batchId, idKey, problem } = ctx;
    const byCode = institutionLookup(ctx);
    const instName = new Map([...byCode.values()].map((i) => [i.id, i.name]));
    const onList = db.select({ institutionId: staff.institutionId }).from(staff).where(eq(staff.idHash, sql.placeholder('hash'))).prepare();
    const seen = new Map<string, number>(); // hash → institution id, this file
    return {
      add(r) {
        const inst = byCode.get(r.institutionCode);
        if (!inst) return problem({ column: 'institutionCode', value: r.institutionCode, code: 'ref.institution', params: { value: r.institutionCode } });
        const idHash = hashIdNumber(r.idNumber, idKey);
        // One person on two payrolls is how "ghost" employees hide: refuse it.
        const other = seen.get(idHash) ?? onList.get({ hash: idHash })?.institutionId;
        if (other !== undefined) return problem({ column: 'idNumber', value: r.idNumber, code: 'staff.two_lists', params: { institution: instName.get(other) ?? '?' } });
        seen.set(idHash, inst.id);
        db.insert(staff)
          .values({ batchId, institutionId: inst.id, name: r.name, gender: r.gender, quotaType: r.quotaType, post: r.post ?? '', idHash, joinedOn: r.joinedOn })
          .run();
      },
    };
  },
});
