// The import pipeline: for one file (`gongkai import`) or a directory of files (`gongkai
// load`, back-office uploads): read → find the header → parse every cell → check each row
// against the database → write, all inside ONE transaction that is committed only when
// not a single problem was found. A failed import leaves the database as it was.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import Papa from 'papaparse';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import { loadIdKey } from '../privacy/secret.ts';
import { maskIdNumber } from '../privacy/id-number.ts';
import type { ErrorCode, ImportIssue } from './errors.ts';
import { foldWidth, parseAmountFen } from './fields.ts';
import type { Columns, CsvKind, KindName, LoadContext, RowProblem } from './kind.ts';
import { KINDS, kindOrder } from './kinds.ts';
import { FileProblem, fileSha256, guessDelimiter, readCsv, sniffEncoding, type Encoding } from './read.ts';
import { importBatches, type BatchStatus } from './schema.ts';

export interface ImportFile {
  path: string;
  kind?: KindName;
  /** the name to show and record (an upload's original name); defaults to the path's base name */
  name?: string;
}

export interface FileResult {
  file: string;
  kind: KindName | null;
  encoding: Encoding | null;
  rows: number;
  totalFen: number | null;
  batchId: number | null;
  /** things worth knowing that are not errors: ignored columns, a skipped title row … */
  notices: string[];
}

export interface ImportResult {
  ok: boolean;
  groupId: string;
  files: FileResult[];
  /** the problems found (at most MAX_ISSUES of them) */
  issues: ImportIssue[];
  /** how many problems there were in all */
  issueCount: number;
}

export interface ImportOptions {
  /** who is importing: an account name, or the OS user for the CLI */
  user: string;
  /** 'published' for the CLI; back-office uploads wait for review as 'pending' */
  status?: BatchStatus;
  idKey?: Uint8Array;
  progress?: (file: string, bytes: number, total: number) => void;
  /** drop and rebuild a kind's bulk indexes around each file; default: for files over 8 MB */
  bulk?: boolean;
}

/** Past this many, problems are counted but not kept: a wrong file says enough by then. */
export const MAX_ISSUES = 100_000;

/** How many records above the header may be title lines. */
const HEADER_SEARCH_ROWS = 5;

const BANK_ACCOUNT = /银行|账号|帐号|卡号|bank|account|card/i;
const TOTALS_ROW = /^(合计|总计)/;

/** Header text as compared: full-width folded, no spaces or required-markers, lower case. */
export function normalizeHeader(h: string): string {
  return foldWidth(h).replace(/[\s*\uFEFF]/g, '').toLowerCase();
}

/** Import files as one all-or-nothing batch group. Never throws for bad input: see `issues`. */
export async function importFiles(db: Db, files: ImportFile[], opts: ImportOptions): Promise<ImportResult> {
  const groupId = randomUUID();
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  const report = (issue: ImportIssue) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const fileIssue = (file: string, code: ErrorCode, params?: Record<string, string | number>) =>
    report({ file, row: null, column: null, value: null, code, ...(params ? { params } : {}) });

  // 1. Which kind is each file, and has it been imported before?
  const planned: { file: ImportFile; name: string; kind: KindName; sha: string }[] = [];
  const results: FileResult[] = [];
  const shas = new Map<string, string>();
  for (const file of files) {
    const name = file.name ?? basename(file.path);
    const result: FileResult = { file: name, kind: null, encoding: null, rows: 0, totalFen: null, batchId: null, notices: [] };
    results.push(result);
    try {
      const kind = file.kind ?? detectKind(file.path, name);
      if (!kind) {
        fileIssue(name, 'file.unknown_kind');
        continue;
      }
      result.kind = kind;
      const sha = await fileSha256(file.path);
      const earlier = db
        .select()
        .from(importBatches)
        .where(and(eq(importBatches.fileSha256, sha), ne(importBatches.status, 'rejected')))
        .get();
      if (earlier) {
        fileIssue(name, 'file.duplicate', { date: earlier.createdAt.slice(0, 10), batch: earlier.id });
        continue;
      }
      const twin = shas.get(sha);
      if (twin) {
        fileIssue(name, 'file.duplicate', { date: twin, batch: '—' });
        continue;
      }
      shas.set(sha, name);
      planned.push({ file, name, kind, sha });
    } catch (err) {
      if (err instanceof FileProblem) fileIssue(name, err.code, err.params);
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT') fileIssue(name, 'file.empty');
      else throw err;
    }
  }
  if (issueCount > 0) return { ok: false, groupId, files: results, issues, issueCount };

  // 2. Load them in dependency order inside one transaction.
  planned.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const idKey = opts.idKey ?? loadIdKey();
  const sqlite = db.$client;
  // Foreign keys are not enforced row by row during an import: every id a loader writes
  // comes from a lookup in this same transaction, and the checks cost 2.5 µs of the 6.6 µs
  // a payment insert took. The integration tests run PRAGMA foreign_key_check after loads.
  // (The pragma cannot change inside a transaction, hence before BEGIN.)
  const enforcing = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    for (const p of planned) {
      const result = results.find((r) => r.file === p.name)!;
      const before = issueCount;
      const batch = db
        .insert(importBatches)
        .values({
          kind: p.kind,
          fileName: p.name,
          fileSha256: p.sha,
          encoding: '?',
          rows: 0,
          createdAt: new Date().toISOString(),
          createdBy: opts.user,
          status: opts.status ?? 'published',
          groupId,
        })
        .returning({ id: importBatches.id })
        .get();
      result.batchId = batch.id;
      const kind = KINDS[p.kind];
      const bulk = opts.bulk ?? statSync(p.file.path).size > BULK_BYTES;
      try {
        await loadFile(db, p.file.path, p.name, kind, batch.id, idKey, result, report, opts.progress, bulk);
      } catch (err) {
        if (!(err instanceof FileProblem)) throw err;
        fileIssue(p.name, err.code, err.params);
      }
      if (issueCount === before && result.rows === 0) fileIssue(p.name, 'file.no_rows');
      db.update(importBatches)
        .set({ rows: result.rows, totalFen: result.totalFen, encoding: result.encoding ?? '?' })
        .where(eq(importBatches.id, batch.id))
        .run();
    }
    if (issueCount === 0) {
      sqlite.exec('COMMIT');
      committed = true;
    }
  } finally {
    if (!committed && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (enforcing) sqlite.pragma('foreign_keys = ON');
  }
  if (!committed) for (const r of results) r.batchId = null;
  // Problems found after the rows (duplicates, totals) join the others in file and row order.
  const order = new Map(results.map((r, i) => [r.file, i]));
  issues.sort((a, b) => order.get(a.file)! - order.get(b.file)! || (a.row ?? 0) - (b.row ?? 0));
  return { ok: committed, groupId, files: results, issues, issueCount };
}

/** Files above this size load with their kind's secondary indexes dropped and rebuilt. */
const BULK_BYTES = 8 * 1024 * 1024;

/** Drop indexes inside the open transaction; returns the DDL that recreates them. */
function dropIndexes(db: Db, names: readonly string[]): string[] {
  const ddl: string[] = [];
  for (const name of names) {
    const sql = db.$client.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined;
    if (!sql) continue;
    db.$client.exec(`DROP INDEX "${name}"`);
    ddl.push(sql);
  }
  return ddl;
}

/** Stream one file through its kind's columns and loader. */
async function loadFile(
  db: Db,
  path: string,
  file: string,
  kind: CsvKind<Columns>,
  batchId: number,
  idKey: Uint8Array,
  result: FileResult,
  report: (i: ImportIssue) => void,
  progress: ImportOptions['progress'],
  bulk: boolean,
): Promise<void> {
  const keys = Object.keys(kind.columns);
  const cols = keys.map((k) => kind.columns[k]!);
  // Filled in when the header row is found.
  let index: number[] | null = null; // column i of the kind → cell index in the record
  let headerText: string[] = []; // column i of the kind → header as written in the file
  let seen = 0;
  let row = 0;
  let sum = 0;
  const amountAt = kind.amountColumn ? keys.indexOf(kind.amountColumn) : -1;

  const shown = (i: number, value: string | null) =>
    value !== null && cols[i]!.sensitive ? maskIdNumber(value.replace(/\s/g, '')) : value;
  const ctx: LoadContext = {
    db,
    batchId,
    idKey,
    problem(p: RowProblem) {
      const i = p.column === null ? -1 : keys.indexOf(p.column);
      const value = i >= 0 ? shown(i, p.value) : p.value;
      report({
        file,
        row: p.row ?? row,
        column: i >= 0 ? headerText[i]! : p.column,
        value,
        code: p.code,
        params: { value: value ?? '', ...p.params },
      });
    },
  };
  const rebuild = bulk ? dropIndexes(db, kind.bulkIndexes ?? []) : [];
  const loader = kind.open(ctx);

  const findHeader = (cells: string[]): boolean => {
    const normalized = cells.map(normalizeHeader);
    const at = cols.map((c) => {
      const names = c.headers.map(normalizeHeader);
      return normalized.findIndex((h) => h !== '' && names.includes(h));
    });
    if (at.filter((i) => i >= 0).length < Math.min(2, keys.length)) return false;
    index = at;
    headerText = at.map((i, k) => (i >= 0 ? cells[i]!.trim() : cols[k]!.headers[0]!));
    let missing = false;
    cols.forEach((c, k) => {
      if (c.required && at[k]! < 0) {
        missing = true;
        report({ file, row, column: c.headers[0]!, value: null, code: 'header.missing', params: { column: c.headers[0]! } });
      }
    });
    normalized.forEach((h, i) => {
      if (h === '') return;
      const dup = normalized.indexOf(h);
      if (dup !== i && at.includes(dup)) report({ file, row, column: cells[i]!, value: null, code: 'header.duplicate', params: { column: cells[i]! } });
      if (at.includes(i)) return;
      result.notices.push(
        BANK_ACCOUNT.test(h)
          ? `列“${cells[i]}”看起来是银行账号，已忽略，从不保存 / column "${cells[i]}" looks like a bank account: ignored, never stored`
          : `未知列“${cells[i]}”已忽略 / unknown column "${cells[i]}" ignored`,
      );
    });
    if (missing) throw new HeaderMissing();
    return true;
  };

  const onRecord = (cells: string[]) => {
    if (cells.every((c) => c.trim() === '')) return;
    if (!index) {
      if (findHeader(cells)) return;
      if (++seen >= HEADER_SEARCH_ROWS) {
        throw new FileProblem('file.no_header', { rows: HEADER_SEARCH_ROWS, kind: kind.title.zh, columns: cols.filter((c) => c.required).map((c) => c.headers[0]).join('、') });
      }
      result.notices.push(`第 ${row} 行不是表头，已跳过 / row ${row} is not the header: skipped`);
      return;
    }
    const first = cells.find((c) => c.trim() !== '')!.trim();
    if (TOTALS_ROW.test(first)) return checkTotals(cells);
    const values: Record<string, unknown> = {};
    let bad = false;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      const at = index[k]!;
      const raw = at >= 0 ? (cells[at] ?? '').trim() : '';
      if (raw === '') {
        if (c.required) {
          report({ file, row, column: headerText[k]!, value: '', code: 'required' });
          bad = true;
        }
        values[keys[k]!] = null;
        continue;
      }
      const parsed = c.parse(raw);
      if (parsed.ok) values[keys[k]!] = parsed.value;
      else {
        bad = true;
        const value = shown(k, raw);
        report({ file, row, column: headerText[k]!, value, code: parsed.code, params: { value: value ?? '', ...parsed.params } });
      }
    }
    if (bad) return;
    result.rows++;
    if (amountAt >= 0) sum += values[keys[amountAt]!] as number;
    loader.add(values as never, row);
  };

  const checkTotals = (cells: string[]) => {
    const at = amountAt >= 0 && index ? index[amountAt]! : -1;
    const raw = at >= 0 ? (cells[at] ?? '').trim() : '';
    result.notices.push(`第 ${row} 行是合计行，已核对并跳过 / row ${row} is a totals row: checked and skipped`);
    if (raw === '') return;
    const parsed = parseAmountFen(raw, { allowNegative: true, allowZero: true });
    if (!parsed.ok || parsed.value !== sum) {
      report({ file, row, column: headerText[amountAt]!, value: raw, code: 'total.mismatch', params: { value: raw, sum: (sum / 100).toFixed(2) } });
    }
  };

  try {
    const read = await readCsv(path, {
      records(records, firstRow) {
        for (let i = 0; i < records.length; i++) {
          row = firstRow + i;
          onRecord(records[i]!);
        }
      },
      progress: progress && ((bytes, total) => progress(file, bytes, total)),
    });
    result.encoding = read.encoding;
  } catch (err) {
    if (err instanceof HeaderMissing) return;
    throw err;
  }
  if (!index) throw new FileProblem('file.no_header', { rows: HEADER_SEARCH_ROWS, kind: kind.title.zh, columns: cols.filter((c) => c.required).map((c) => c.headers[0]).join('、') });
  loader.finish?.();
  if (amountAt >= 0) result.totalFen = sum;
  for (const ddl of rebuild) {
    try {
      db.$client.exec(ddl);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || !kind.reportConflicts) throw err;
      row = 0;
      kind.reportConflicts(ctx);
    }
  }
}

/** Thrown to stop reading a file whose header lacks required columns (already reported). */
class HeaderMissing extends Error {}

/** Which kind a file holds: from its name (disbursements-2025.csv) or else from its header row. */
export function detectKind(path: string, name = basename(path)): KindName | null {
  const byName = (Object.keys(KINDS) as KindName[])
    .filter((k) => name.toLowerCase().startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  if (byName) return byName;
  const records = peekRecords(path, HEADER_SEARCH_ROWS);
  let best: { kind: KindName; score: number } | null = null;
  for (const cells of records) {
    const normalized = new Set(cells.map(normalizeHeader));
    for (const [k, kind] of Object.entries(KINDS) as [KindName, CsvKind<Columns>][]) {
      const cols = Object.values(kind.columns);
      const has = (c: (typeof cols)[number]) => c.headers.some((h) => normalized.has(normalizeHeader(h)));
      if (!cols.filter((c) => c.required).every(has)) continue;
      const score = cols.filter(has).length;
      if (!best || score > best.score) best = { kind: k, score };
    }
    if (best) return best.kind;
  }
  return null;
}

/** The first few records of a file, leniently decoded: enough to recognise its header. */
function peekRecords(path: string, n: number): string[][] {
  const size = statSync(path).size;
  const head = Buffer.alloc(Math.min(size, 256 * 1024));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const { encoding } = sniffEncoding(head, head.length === size);
  const text = new TextDecoder(encoding).decode(head);
  return Papa.parse<string[]>(text, { preview: n, delimiter: guessDelimiter(text) }).data;
}
