// Every problem the importer can find, with a stable English code (for scripts and the
// report's code column) and its explanation in Chinese and English. Finance staff read
// the Chinese; the code never changes once published.

type Params = Record<string, string | number>;

const MESSAGES = {
  // the file as a whole
  'file.empty': ['文件是空的', 'The file is empty'],
  'file.too_large': ['文件太大（{size}），上限为 {max}', 'The file is too large ({size}); the limit is {max}'],
  'file.xlsx': ['这是 Excel 工作簿（.xlsx），请在 Excel 中“另存为”CSV 后再导入', 'This is an Excel workbook (.xlsx): save it as CSV first'],
  'file.xls': ['这是旧版 Excel 工作簿（.xls），请在 Excel 中“另存为”CSV 后再导入', 'This is an old Excel workbook (.xls): save it as CSV first'],
  'file.binary': ['这不是文本格式的 CSV 文件', 'This is not a text CSV file'],
  'file.encoding': ['第 {offset} 字节处的文字编码无法识别：文件可能混用了不同编码', 'Unreadable text at byte {offset}: the file may mix encodings'],
  'file.no_header': ['没有找到表头：前 {rows} 行中没有“{kind}”所需的列（{columns}）', 'No header row: none of the first {rows} rows names the columns of "{kind}" ({columns})'],
  'file.no_rows': ['文件只有表头，没有数据', 'The file has a header but no data rows'],
  'file.duplicate': ['这个文件已于 {date} 作为第 {batch} 批导入过', 'This file was already imported on {date} as batch {batch}'],
  'file.unknown_kind': ['无法识别这是哪一类数据：请检查表头', 'Cannot tell which kind of data this is: check the header row'],
  'file.kind_twice': ['目录中有两个“{kind}”文件：{other}', 'Two "{kind}" files in the directory: {other}'],
  'file.csv': ['CSV 格式错误：{detail}', 'Malformed CSV: {detail}'],
  // the header row
  'header.missing': ['缺少必填列“{column}”', 'Required column "{column}" is missing'],
  'header.duplicate': ['列“{column}”出现了两次', 'Column "{column}" appears twice'],
  // one cell
  required: ['必填项为空', 'Required value is empty'],
  'text.too_long': ['内容过长（{length} 字，上限 {max} 字）', 'Too long ({length} characters; at most {max})'],
  'amount.format': ['不是有效的金额', 'Not an amount'],
  'amount.precision': ['金额最多两位小数（精确到分）', 'More than two decimals: amounts are exact to the fen'],
  'amount.scientific': ['金额被写成了科学计数法，请把该列设为“数值”格式后重新导出', 'Amount in scientific notation: format the column as a number and export again'],
  'amount.negative': ['金额不能为负数', 'Amount must not be negative'],
  'amount.not_positive': ['金额必须大于零', 'Amount must be greater than zero'],
  'amount.too_large': ['金额超出合理范围', 'Amount is out of range'],
  'date.format': ['不是可识别的日期（例如 2025-03-04、2025/3/4、2025年3月4日、20250304）', 'Not a date (e.g. 2025-03-04, 2025/3/4, 2025年3月4日, 20250304)'],
  'date.invalid': ['日期不存在', 'No such date'],
  'date.range': ['日期超出合理范围（1949–2100 年）', 'Date out of range (1949–2100)'],
  'date.excel_serial': ['日期被 Excel 写成了序列号，请把该列设为“日期”格式后重新导出', 'Excel serial number instead of a date: format the column as a date and export again'],
  'id.format': ['身份证号应为 18 位（最后一位可以是 X）', 'An ID number has 18 characters (the last may be X)'],
  'id.old_15': ['15 位旧身份证号，请换成 18 位号码', 'Old 15-digit ID number: use the 18-digit number'],
  'id.scientific': ['身份证号被 Excel 转成了科学计数法，后几位已丢失：请把该列设为“文本”格式后重新导出', 'Excel turned the ID number into scientific notation and lost digits: format the column as text and export again'],
  'id.birth_date': ['身份证号中的出生日期不存在', 'The birth date inside the ID number does not exist'],
  'id.check_digit': ['身份证号校验位不对，可能有数字录错', 'Wrong ID check digit: a digit was probably mistyped'],
  'int.format': ['应为非负整数', 'Must be a whole number, zero or more'],
  'enum.invalid': ['应为以下之一：{allowed}', 'Must be one of: {allowed}'],
  'code.format': ['编码只能包含字母、数字和“-”，长度 {min}–{max}', 'Codes use letters, digits and "-", {min}–{max} characters'],
  'yesno.invalid': ['应为“是”或“否”', 'Must be yes (是) or no (否)'],
  'year.format': ['应为四位年份', 'Must be a four-digit year'],
  // a row against others, or against the database
  'ref.fund': ['资金编码“{value}”不存在', 'No fund with code "{value}"'],
  'ref.fund_kind': ['资金“{value}”的发放方式是“{kind}”，不能导入此类数据', 'Fund "{value}" is paid {kind}: it cannot take this kind of row'],
  'ref.township': ['乡镇“{value}”不存在', 'No township "{value}"'],
  'ref.village': ['“{township}”没有村（社区）“{value}”', 'Township "{township}" has no village "{value}"'],
  'ref.institution': ['机构编码“{value}”不存在', 'No institution with code "{value}"'],
  'unique.exists': ['“{value}”已经存在（第 {batch} 批导入）', '"{value}" already exists (imported in batch {batch})'],
  'unique.in_file': ['与第 {row} 行重复', 'Repeats row {row}'],
  'area.code_prefix': ['村代码应以乡镇代码 {township} 开头', 'A village code begins with its township code {township}'],
  'area.township_conflict': ['乡镇代码 {code} 已对应“{name}”', 'Township code {code} is already "{name}"'],
  'disbursement.duplicate': ['与第 {row} 行重复（同一资金、同一人、同一金额、同一发放日期）；如确为重复发放，请在“重复发放”列填“是”', 'Repeats row {row} (same fund, person, amount and payment date); mark 重复发放 = 是 if it is a deliberate second payment'],
  'disbursement.duplicate_published': ['与第 {batch} 批已导入的记录重复（同一资金、同一人、同一金额、同一发放日期）', 'Repeats a payment already imported in batch {batch} (same fund, person, amount and date)'],
  'dates.order': ['“{later}”早于“{earlier}”', '"{later}" is before "{earlier}"'],
  'person.name_mismatch': ['同一身份证号已登记为“{name}”', 'This ID number is already registered under another name ({name})'],
  'person.village_mismatch': ['同一身份证号已登记在“{village}”', 'This ID number is already registered in another village ({village})'],
  'budget.subtotal': ['科目 {value} 是科目 {other} 的上级科目：只列最明细的科目，合计由系统计算', 'Subject {value} is a subtotal of {other}: list only the most detailed subjects'],
  'budget.totals_differ': ['{unit} {year} 年功能分类合计 {fn} 元与经济分类合计 {econ} 元不相等', '{unit} {year}: function total {fn} differs from economic total {econ}'],
  'budget.unit_name': ['预算单位编码 {value} 已对应“{name}”', 'Budget unit {value} is already named "{name}"'],
  'staff.two_lists': ['此人已在“{institution}”的实名名单中', 'This person is already on the staff list of "{institution}"'],
  'total.mismatch': ['合计行金额 {value} 与明细合计 {sum} 不符', 'Totals row {value} does not equal the sum of the rows {sum}'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof MESSAGES;

/** One problem found in an import: where it is, what the cell held, and why it is wrong. */
export interface ImportIssue {
  file: string;
  /** the row number the spreadsheet shows, or null for a problem with the whole file */
  row: number | null;
  /** the column's header as written in the file */
  column: string | null;
  value: string | null;
  code: ErrorCode;
  params?: Params;
}

function fill(template: string, params: Params | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? `{${k}}`));
}

/** The explanation in Chinese. */
export function messageZh(issue: Pick<ImportIssue, 'code' | 'params'>): string {
  return fill(MESSAGES[issue.code][0], issue.params);
}

/** The explanation in English. */
export function messageEn(issue: Pick<ImportIssue, 'code' | 'params'>): string {
  return fill(MESSAGES[issue.code][1], issue.params);
}

/** All codes, for documentation and tests. */
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];
