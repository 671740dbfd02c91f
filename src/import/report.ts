// Showing import problems: on the terminal, and as a CSV report finance staff open in Excel.
import { writeFileSync } from 'node:fs';
import { csvDocument } from '../lib/csv.ts';
import { messageEn, messageZh, type ImportIssue } from './errors.ts';
import type { ImportResult } from './run.ts';

const REPORT_HEADER = ['文件 file', '行 row', '列 column', '值 value', '原因 reason', 'code', 'reason (English)'];

/** The problems as report rows (what the CSV report and the back-office table show). */
export function issueRows(issues: readonly ImportIssue[]): (string | number)[][] {
  return issues.map((i) => [i.file, i.row ?? '', i.column ?? '', i.value ?? '', messageZh(i), i.code, messageEn(i)]);
}

/** Write the error report as UTF-8 CSV with BOM (opens in Excel as-is). */
export function writeReport(path: string, result: ImportResult): void {
  writeFileSync(path, csvDocument(REPORT_HEADER, issueRows(result.issues)));
}

/** A short human summary for the terminal, the first `limit` problems in full. */
export function formatResult(result: ImportResult, limit = 50): string {
  const lines: string[] = [];
  for (const f of result.files) {
    const what = f.kind ? `${f.kind}` : '?';
    const enc = f.encoding ? `, ${f.encoding}` : '';
    lines.push(`  ${f.file} (${what}${enc}): ${f.rows.toLocaleString('en')} 行 rows${f.batchId ? `, 批次 batch ${f.batchId}` : ''}`);
    for (const n of f.notices.slice(0, 10)) lines.push(`    · ${n}`);
    if (f.notices.length > 10) lines.push(`    · …${f.notices.length - 10} more`);
  }
  if (result.ok) return `导入成功 Imported\n${lines.join('\n')}`;
  lines.unshift(`导入失败，数据库未改动 Import refused, database unchanged: ${result.issueCount.toLocaleString('en')} 个问题 problem(s)`);
  for (const i of result.issues.slice(0, limit)) {
    const where = [i.file, i.row !== null ? `第 ${i.row} 行 row ${i.row}` : null, i.column ? `“${i.column}”` : null].filter(Boolean).join(' ');
    const value = i.value ? ` 值 value “${i.value}”` : '';
    lines.push(`  ✗ ${where}${value}: ${messageZh(i)} — ${messageEn(i)} [${i.code}]`);
  }
  if (result.issueCount > limit) lines.push(`  …还有 ${result.issueCount - limit} 个问题 (${result.issueCount - limit} more): use --report FILE.csv for all`);
  return lines.join('\n');
}
