// The eight CSV kinds as docs/data-formats.md defines them (the contract with the
// importer): file name, Chinese headers in the documented order, cell types, and the
// spellings a Windows export uses instead (full-width brackets, long forms of values).
import type { KindSpec } from './csv.ts';

const text = (header: string, messyHeader?: string) => ({ header, type: 'text' as const, ...(messyHeader ? { messyHeader } : {}) });
const amount = { header: '金额(元)', type: 'amount' as const, messyHeader: '金额（元）' };
const date = (header: string) => ({ header, type: 'date' as const });
const int = (header: string) => ({ header, type: 'int' as const });
const QUOTA_TYPE = { header: '编制类型', type: 'text' as const, messyValues: { 工勤编制: '工勤' } };

export const AREAS: KindSpec = {
  kind: 'areas', title: '行政区划代码表',
  columns: [text('乡镇代码'), text('乡镇', '乡镇名称'), text('村代码'), text('村', '村（社区）'), text('类型')],
};
export const FUNDS: KindSpec = {
  kind: 'funds', title: '专项资金目录',
  columns: [text('资金编码'), text('资金名称'), int('年度'), text('归口股室'), text('政策依据'), text('发放方式'), date('公开时限'), text('姓名公开方式')],
};
export const DISBURSEMENTS: KindSpec = {
  kind: 'disbursements', title: '惠民惠农财政补贴资金发放花名册',
  columns: [text('资金编码'), text('乡镇'), text('村', '村（社区）'), text('户号'), text('姓名'), text('身份证号', '身份证号码'), amount, date('审批日期'), date('发放日期'), text('发放渠道')],
};
export const PROJECTS: KindSpec = {
  kind: 'projects', title: '专项资金项目安排明细表',
  columns: [text('资金编码'), text('项目编号'), text('项目名称'), text('乡镇'), text('村'), text('建设地点'), amount, text('承建单位'), date('批复日期'), date('拨付日期'), date('开工日期'), date('竣工日期'), text('状态')],
};
export const BUDGET_LINES: KindSpec = {
  kind: 'budget-lines', title: '部门预算支出明细表',
  columns: [int('年度'), text('预算单位编码'), text('预算单位'), text('分类'), text('科目编码'), text('科目名称'), amount, text('三公经费')],
};
export const INSTITUTIONS: KindSpec = {
  kind: 'institutions', title: '机构设置情况表',
  columns: [text('机构编码'), text('机构名称'), { header: '机构类别', type: 'text', messyValues: { 行政: '行政机关', 事业: '事业单位' } }, text('主管部门'), int('领导职数')],
};
export const QUOTAS: KindSpec = {
  kind: 'quotas', title: '核定编制情况表',
  columns: [text('机构编码'), QUOTA_TYPE, int('核定编制数')],
};
export const STAFF: KindSpec = {
  kind: 'staff', title: '机关事业单位实名制人员花名册',
  columns: [text('机构编码'), text('姓名'), text('性别'), QUOTA_TYPE, text('职务'), text('身份证号', '身份证号码'), date('入编时间')],
};

export type KindName = 'areas' | 'funds' | 'disbursements' | 'projects' | 'budget-lines' | 'institutions' | 'quotas' | 'staff';

/** Every kind in load order; each is written to `<kind>.csv`. */
export const KINDS: readonly (KindSpec & { kind: KindName })[] = [AREAS, FUNDS, DISBURSEMENTS, PROJECTS, BUDGET_LINES, INSTITUTIONS, QUOTAS, STAFF] as (KindSpec & { kind: KindName })[];
