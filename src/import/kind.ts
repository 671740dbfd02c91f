// What a CSV kind is: its columns (with the headers finance systems use and English
// aliases), how each cell parses, and a loader that checks a row against the database and
// writes it. The row type is derived from the columns, so nothing is declared twice.
import type { Db } from '../db/client.ts';
import type { ErrorCode } from './errors.ts';
import type { Parsed } from './fields.ts';

export interface Column<T> {
  /** accepted headers: the canonical Chinese one first, then variants and English aliases */
  headers: readonly string[];
  required: boolean;
  /** personal data (ID numbers): masked wherever an error report shows the value */
  sensitive?: boolean;
  parse(raw: string): Parsed<T>;
}

export type Columns = Record<string, Column<unknown>>;

/** The parsed row of a kind: required columns give T, optional ones T | null. */
export type RowOf<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<infer T> ? (C[K]['required'] extends true ? T : T | null) : never;
};

/** A required column. */
export function req<T>(headers: readonly string[], parse: (raw: string) => Parsed<T>): Column<T> & { required: true } {
  return { headers, required: true, parse };
}

/** An optional column: an empty or missing cell gives null. */
export function opt<T>(headers: readonly string[], parse: (raw: string) => Parsed<T>): Column<T> & { required: false } {
  return { headers, required: false, parse };
}

/** What a loader uses to report a problem with the current row. */
export interface RowProblem {
  column: string | null;
  value: string | null;
  code: ErrorCode;
  params?: Record<string, string | number>;
  /** report against another row than the current one (cross-row checks in finish()) */
  row?: number;
}

export interface LoadContext {
  db: Db;
  batchId: number;
  /** key for hashing ID numbers (privacy/secret.ts) */
  idKey: Uint8Array;
  problem(p: RowProblem): void;
}

export interface RowLoader<R> {
  /** Check one valid-looking row against the database and earlier rows; write it if good. */
  add(row: R, rowNumber: number): void;
  /** Checks that need every row (e.g. budget totals); called once after the last row. */
  finish?(): void;
}

export interface CsvKind<C extends Columns = Columns> {
  name: KindName;
  title: { zh: string; en: string };
  columns: C;
  /** the money column whose total is recorded on the batch and checked against a 合计 row */
  amountColumn?: keyof C & string;
  /** indexes to drop while a large file loads and rebuild after it (faster) */
  bulkIndexes?: readonly string[];
  /** when rebuilding a unique bulk index fails: report the rows that collide */
  reportConflicts?(ctx: LoadContext): void;
  open(ctx: LoadContext): RowLoader<RowOf<C>>;
}

export const KIND_NAMES = [
  'areas',
  'funds',
  'institutions',
  'disbursements',
  'projects',
  'budget-lines',
  'quotas',
  'staff',
] as const;
/** Kinds in load order: a kind only references kinds before it. */
export type KindName = (typeof KIND_NAMES)[number];

/** Define a kind with its row type inferred from its columns. */
export function defineKind<C extends Columns>(kind: CsvKind<C>): CsvKind<C> {
  return kind;
}
