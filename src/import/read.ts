// Reading a CSV file the way finance staff produce it: detect the encoding from the bytes
// (UTF-8 with/without BOM, GB18030 from Excel on Chinese Windows, UTF-16 "Unicode text"),
// refuse what is not CSV with a clear reason, then stream it through papaparse so a
// million-row file never sits in memory whole.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import type { ErrorCode } from './errors.ts';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export class FileProblem extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** Default ceiling on one upload: ten county-years of payments fit well below it. */
export const MAX_IMPORT_BYTES = Number(process.env.GONGKAI_MAX_IMPORT_BYTES ?? 2 * 1024 ** 3);

const SNIFF = 1 << 20;

/** Decide the encoding from the first bytes, or say why this is not a CSV file. */
export function sniffEncoding(head: Uint8Array, wholeFile = true): { encoding: Encoding } {
  const b = head;
  if (b.length === 0) throw new FileProblem('file.empty');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be' };
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) throw new FileProblem('file.xlsx');
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) throw new FileProblem('file.xls');
  if (b.includes(0)) throw new FileProblem('file.binary');
  // The first non-ASCII byte decides: valid UTF-8 there means UTF-8, else GB18030.
  let i = 0;
  while (i < b.length && b[i]! < 0x80) i++;
  if (i === b.length) return { encoding: 'utf-8' };
  let end = Math.min(b.length, i + 65536);
  if (end < b.length || !wholeFile) {
    // do not judge a UTF-8 sequence cut by the end of the sample
    while (end > i && (b[end - 1]! & 0xc0) === 0x80) end--;
    if (end > i && b[end - 1]! >= 0xc0) end--;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, end));
    return { encoding: 'utf-8' };
  } catch {
    return { encoding: 'gb18030' };
  }
}

export interface ReadResult {
  encoding: Encoding;
  bytes: number;
}

export interface ReadHandlers {
  /** Called with consecutive records; `firstRow` is the spreadsheet row number of records[0]. */
  records(records: string[][], firstRow: number): void;
  /** Bytes read so far, for a progress bar. */
  progress?: ((bytes: number, total: number) => void) | undefined;
}

/** SHA-256 of a file's bytes (the batch identity: the same file is never loaded twice). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Stream a CSV file's records to `handlers.records`. Throws FileProblem for unreadable files. */
export async function readCsv(path: string, handlers: ReadHandlers): Promise<ReadResult> {
  const size = statSync(path).size;
  if (size === 0) throw new FileProblem('file.empty');
  if (size > MAX_IMPORT_BYTES) throw new FileProblem('file.too_large', { size: mb(size), max: mb(MAX_IMPORT_BYTES) });
  const head = Buffer.alloc(Math.min(size, SNIFF));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const { encoding } = sniffEncoding(head, head.length === size);
  const delimiter = guessDelimiter(new TextDecoder(encoding).decode(head.subarray(0, 64 * 1024)));
  // fatal: a byte sequence that is not valid in the detected encoding stops the import
  // (a file that mixes encodings) instead of turning names into U+FFFD. The decoder
  // drops a leading BOM by itself.
  const decoder = new TextDecoder(encoding, { fatal: true });
  let read = 0;
  let decoded = 0;
  let chars = 0; // characters handed to papaparse
  let tail = ''; // the last few, to tell trailing blank lines from lost text
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      try {
        const text = decoder.decode(chunk, { stream: true });
        decoded = read;
        chars += text.length;
        tail = (tail + text).slice(-4096);
        done(null, text);
      } catch {
        done(new FileProblem('file.encoding', { offset: decoded }));
      }
      handlers.progress?.(read, size);
    },
    flush(done) {
      try {
        // An empty final chunk makes papaparse drop an unterminated quoted field
        // silently instead of reporting it: push only real text.
        const rest = decoder.decode();
        chars += rest.length;
        tail = (tail + rest).slice(-4096);
        done(null, rest === '' ? undefined : rest);
      } catch {
        done(new FileProblem('file.encoding', { offset: decoded }));
      }
    },
  });
  // 64 KiB reads: papaparse turns each into rows at once, and rows that live through a
  // scavenge get promoted; small chunks keep garbage young and the heap small.
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  let row = 1;
  let cursor = 0;
  let failed = false;
  await new Promise<void>((resolve, reject) => {
    const input = source.pipe(decode);
    source.on('error', reject);
    input.on('error', reject);
    Papa.parse(input as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      chunk(results, parser) {
        const data = results.data as string[][];
        const bad = results.errors.find((e) => e.code !== 'UndetectableDelimiter');
        try {
          if (bad) throw new FileProblem('file.csv', { detail: `${bad.message} (row ${row + (bad.row ?? 0)})` });
          handlers.records(data, row);
        } catch (err) {
          failed = true;
          reject(err);
          parser.abort();
          source.destroy();
          return;
        }
        row += data.length;
        cursor = results.meta.cursor;
      },
      complete: () => {
        if (failed) return;
        // papaparse (5.7, streaming) silently drops a quoted field left open at the end
        // of the file: anything it did not consume, beyond blank lines, is that field.
        const lost = chars - cursor;
        if (lost > 0 && tail.slice(-Math.min(lost, tail.length)).trim() !== '') {
          reject(new FileProblem('file.csv', { detail: `quoted field not closed (row ${row})` }));
        } else resolve();
      },
      error: (err: Error) => reject(err),
    });
  });
  return { encoding, bytes: size };
}

/**
 * The separator, decided once from the first lines: Excel writes commas, its "Unicode
 * text" export tabs, some European-locale tools semicolons. (Left to papaparse, the
 * guess would be made per streamed chunk.)
 */
export function guessDelimiter(sample: string): ',' | '\t' | ';' {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5).join('\n');
  const counts = ([',', '\t', ';'] as const).map((d) => [d, lines.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
