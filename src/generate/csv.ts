// Streams one CSV file per kind: rows are formatted into a string buffer and flushed in
// ~1 MB chunks with synchronous writes, so memory stays flat at any size. With `messy` the
// same values are written the way Excel exports look (BOM, CRLF, a title row, full-width
// headers, quoted fields, mixed amount and date formats); a separate random stream picks
// the formats, so clean and messy files carry exactly the same data.
import { closeSync, openSync, writeSync } from 'node:fs';
import { iso, partsOf } from './dates.ts';
import { encodeGb18030 } from './gb18030.ts';
import { Rng } from './prng.ts';

export type ColumnType = 'text' | 'amount' | 'date' | 'int';
export interface Column {
  header: string;
  type: ColumnType;
  /** header as a Windows export spells it, e.g. 金额（元） */
  messyHeader?: string;
  /** accepted alternative spellings of values, used now and then in messy files */
  messyValues?: Readonly<Record<string, string>>;
}
export interface KindSpec {
  kind: string;
  /** the title row a messy export carries above the header */
  title: string;
  columns: readonly Column[];
}
export type Cell = string | number | null;
export type Encoding = 'utf8' | 'gb18030';
export interface WriteOptions {
  encoding: Encoding;
  messy: boolean;
  seed: number;
}
/** What a file holds: data rows, the sum of its money column in 分, its size in bytes. */
export interface KindTotals {
  rows: number;
  amountFen: number | null;
  bytes: number;
}

const CHUNK = 1 << 20;

/** Writes a CSV to `path`, or only tallies rows and amounts when `path` is null. */
export class CsvWriter {
  private readonly fd: number | null;
  private readonly spec: KindSpec;
  private readonly opts: WriteOptions;
  private readonly amountCol: number;
  private readonly eol: string;
  private readonly mess: Rng;
  // UTF-8 goes straight into a byte buffer; GB18030 collects text and encodes per chunk.
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private parts: string[] = [];
  private pending = 0;
  private rows = 0;
  private amountFen = 0;
  private bytes = 0;

  constructor(path: string | null, spec: KindSpec, opts: WriteOptions) {
    this.spec = spec;
    this.opts = opts;
    this.amountCol = spec.columns.findIndex((c) => c.type === 'amount');
    this.eol = opts.messy ? '\r\n' : '\n';
    this.mess = new Rng(opts.seed, 'messy', spec.kind);
    this.fd = path === null ? null : openSync(path, 'w');
    if (this.fd === null) return;
    if (opts.messy) {
      if (opts.encoding === 'utf8') this.push('\uFEFF');
      // Excel writes a merged title cell as the text followed by empty cells.
      this.line([spec.title, ...spec.columns.slice(1).map(() => '')]);
    }
    this.line(spec.columns.map((c) => (opts.messy && c.messyHeader ? c.messyHeader : c.header)));
  }

  /** Appends one data row (amounts in 分, dates as day numbers, null for empty). */
  row(cells: readonly Cell[]): void {
    this.rows++;
    if (this.amountCol >= 0) this.amountFen += cells[this.amountCol] as number;
    if (this.fd === null) return;
    const cols = this.spec.columns;
    const messy = this.opts.messy;
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const col = cols[i] as Column;
      if (i > 0) line += ',';
      if (v === null || v === undefined) continue;
      if (col.type === 'amount') line += messy ? this.messyAmount(v as number) : yuan(v as number);
      else if (col.type === 'date') line += messy ? this.messyDate(v as number) : iso(v as number);
      else if (col.type === 'int') line += String(v);
      else line += messy ? this.messyText(v as string, col) : quote(v as string);
    }
    this.push(line + this.eol);
  }

  /** Flushes and closes the file; returns what it holds. */
  close(): KindTotals {
    if (this.fd !== null) {
      if (this.opts.messy) this.push(this.eol); // a trailing empty line, as exports often end
      this.flush();
      closeSync(this.fd);
    }
    return { rows: this.rows, amountFen: this.amountCol >= 0 ? this.amountFen : null, bytes: this.bytes };
  }

  private line(cells: readonly string[]): void {
    this.push(cells.join(',') + this.eol);
  }

  private push(s: string): void {
    if (this.opts.encoding === 'utf8') {
      // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
      if (this.used + s.length * 3 > CHUNK) this.flush();
      if (s.length * 3 > CHUNK) return this.emit(Buffer.from(s, 'utf8'));
      this.used += this.buf.write(s, this.used, 'utf8');
      return;
    }
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending > CHUNK / 4) this.flush();
  }

  private flush(): void {
    if (this.used > 0) {
      this.emit(this.buf.subarray(0, this.used));
      this.used = 0;
    }
    if (this.parts.length > 0) {
      this.emit(encodeGb18030(this.parts.join('')));
      this.parts = [];
      this.pending = 0;
    }
  }

  private emit(bytes: Uint8Array): void {
    if (this.fd === null) return;
    writeSync(this.fd, bytes);
    this.bytes += bytes.length;
  }

  private messyAmount(fen: number): string {
    const x = this.mess.float();
    if (x < 0.5) return yuan(fen);
    if (x < 0.75) return `"${grouped(fen)}"`;
    if (x < 0.85) return `"¥${grouped(fen)}"`;
    if (x < 0.93) return yuan(fen).replace(/\.?0+$/, ''); // 1234.50 → 1234.5, 1200.00 → 1200
    return `${yuan(fen)}元`;
  }

  private messyDate(day: number): string {
    const x = this.mess.float();
    if (x < 0.4) return iso(day);
    const [y, m, d] = partsOf(day);
    if (x < 0.65) return `${y}/${m}/${d}`;
    if (x < 0.8) return `${y}年${m}月${d}日`;
    if (x < 0.9) return iso(day).replaceAll('-', '');
    return `${y}/${m}/${d} 0:00`;
  }

  private messyText(s: string, col: Column): string {
    const alt = col.messyValues?.[s];
    if (alt !== undefined && this.mess.chance(0.3)) s = alt;
    return this.mess.chance(0.15) ? `"${s.replaceAll('"', '""')}"` : quote(s);
  }
}

/** 分 → '1234.56'. */
export function yuan(fen: number): string {
  const f = fen % 100;
  return `${(fen - f) / 100}.${f < 10 ? '0' : ''}${f}`;
}

/** 分 → '1,234.56'. */
export function grouped(fen: number): string {
  const [int, dec] = yuan(fen).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`;
}

/** Quotes a field when CSV requires it. */
export function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
