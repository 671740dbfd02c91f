// Budget subjects (政府收支分类科目): the names of the 类 (3-digit) and 款 (5-digit) levels,
// which the CSVs leave out (they list only the most detailed subjects, data-formats.md), and
// the subtotal tree the budget pages show.
import type { LineRow } from './queries.ts';

/** 类/款 names of the functional (2xx) and economic (3xx) classifications the county uses. */
export const SUBJECT_NAMES: Readonly<Record<string, string>> = {
  '201': '一般公共服务支出',
  '20101': '人大事务',
  '20102': '政协事务',
  '20103': '政府办公厅（室）及相关机构事务',
  '20104': '发展与改革事务',
  '20105': '统计信息事务',
  '20106': '财政事务',
  '20107': '税收事务',
  '20108': '审计事务',
  '20111': '纪检监察事务',
  '20113': '商贸事务',
  '20129': '群众团体事务',
  '20131': '党委办公厅（室）及相关机构事务',
  '20132': '组织事务',
  '20133': '宣传事务',
  '20199': '其他一般公共服务支出',
  '203': '国防支出',
  '204': '公共安全支出',
  '20402': '公安',
  '20406': '司法',
  '205': '教育支出',
  '20501': '教育管理事务',
  '20502': '普通教育',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '20801': '人力资源和社会保障管理事务',
  '20802': '民政管理事务',
  '20805': '行政事业单位养老支出',
  '20808': '抚恤',
  '20810': '社会福利',
  '20819': '最低生活保障',
  '210': '卫生健康支出',
  '21001': '卫生健康管理事务',
  '21011': '行政事业单位医疗',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '21301': '农业农村',
  '21302': '林业和草原',
  '21303': '水利',
  '21305': '巩固脱贫攻坚成果衔接乡村振兴',
  '214': '交通运输支出',
  '215': '资源勘探工业信息等支出',
  '216': '商业服务业等支出',
  '220': '自然资源海洋气象等支出',
  '221': '住房保障支出',
  '22102': '住房改革支出',
  '224': '灾害防治及应急管理支出',
  '229': '其他支出',
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
  '307': '债务利息及费用支出',
  '309': '资本性支出（基本建设）',
  '310': '资本性支出',
  '312': '对企业补助',
  '399': '其他支出',
};

export interface SubjectRow {
  code: string;
  name: string;
  amountFen: number;
  /** 1 类, 2 款, 3 项 (or a detailed line at a shallower level) */
  level: 1 | 2 | 3;
  /** a computed subtotal rather than a filed line */
  subtotal: boolean;
}

/**
 * Lines of one classification → rows with 类 and 款 subtotals above their lines, in code
 * order. Subtotals are sums of the filed lines, never separately filed figures.
 */
export function subjectTree(lines: readonly Pick<LineRow, 'subjectCode' | 'subjectName' | 'amountFen'>[]): SubjectRow[] {
  const sums = new Map<string, number>();
  for (const l of lines) {
    for (const len of [3, 5]) {
      if (l.subjectCode.length > len) {
        const p = l.subjectCode.slice(0, len);
        sums.set(p, (sums.get(p) ?? 0) + l.amountFen);
      }
    }
  }
  const rows: SubjectRow[] = [
    ...[...sums].map(([code, amountFen]) => ({
      code,
      name: SUBJECT_NAMES[code] ?? '',
      amountFen,
      level: (code.length === 3 ? 1 : 2) as 1 | 2,
      subtotal: true,
    })),
    ...lines.map((l) => ({
      code: l.subjectCode,
      name: l.subjectName,
      amountFen: l.amountFen,
      level: (l.subjectCode.length <= 3 ? 1 : l.subjectCode.length <= 5 ? 2 : 3) as 1 | 2 | 3,
      subtotal: false,
    })),
  ];
  // Code order puts each subtotal right above what it sums ('201' < '20106' < '2010601').
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
