// Writing CSV that opens correctly in Excel on Chinese Windows and cannot run as a
// spreadsheet formula (CSV injection, OWASP): UTF-8 with BOM, CRLF, every cell quoted
// when needed, and cells starting with = + - @ (or tab/CR) prefixed with an apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped. Numbers are written as they are (a negative amount stays a number). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with CRLF). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A whole CSV document with a BOM, so Excel reads the Chinese as UTF-8. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  let out = '\uFEFF' + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}
