// The ledger entry encoding of a published record, version 1 (see README.md):
//   "gongkai/record/v1\n" ‖ canonical JSON of {kind, id, version, fields, supersedes?}
// Canonical JSON is RFC 8785 (JCS) restricted to integers: keys sorted by UTF-16 code units,
// no whitespace, strings escaped as JSON.stringify does. The same record always gives the
// same bytes, so anyone can re-encode what a page shows and compare it with the ledger.
// Isomorphic.
import { fromUtf8, utf8 } from './bytes.ts';

export const RECORD_PREFIX = 'gongkai/record/v1\n';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One published version of a record, exactly as the public sees it. */
export interface RecordEntry {
  /** Record type, e.g. "disbursement", "budget-line": lowercase ASCII. */
  kind: string;
  /** The record's stable public identifier within its kind. */
  id: string | number;
  /** 1 for the first publication, +1 for each correction. */
  version: number;
  /** The public fields. Money is integer 分; never a full ID, account or contact detail. */
  fields: { [key: string]: JsonValue };
  /** Ledger index of the entry this one corrects. */
  supersedes?: number;
}

/** The input could not be encoded as a ledger record. */
export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

const KIND = /^[a-z][a-z0-9_.-]{0,63}$/;
// A privacy net, not a masking step: 15- to 19-digit runs standing alone look like an
// ID number (15 or 18 digits, maybe ending in X) or a bank card/account number.
// (No lookbehind: old kiosk browsers cannot parse it.)
const LONG_NUMBER = /(?:^|[^0-9A-Za-z])(\d{17}[\dXx]|\d{15,19})(?![0-9A-Za-z])/;

/** RFC 8785 canonical JSON of a value made of integers, strings, booleans, null, arrays, objects. */
export function canonicalJson(value: JsonValue, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new RecordError(`${path}: ${value} is not a safe integer (money is integer 分; other numbers are strings)`);
      }
      return String(value === 0 ? 0 : value); // -0 → 0
    case 'string':
      if (/[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
        throw new RecordError(`${path}: string has a lone surrogate`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new RecordError(`${path}: not a plain object`);
      const keys = Object.keys(value).sort();
      return `{${keys
        .map((k) => {
          const v = value[k];
          if (v === undefined) throw new RecordError(`${path}.${k} is undefined`);
          return `${JSON.stringify(k)}:${canonicalJson(v, `${path}.${k}`)}`;
        })
        .join(',')}}`;
    }
    default:
      throw new RecordError(`${path}: ${typeof value} cannot be encoded`);
  }
}

/** The record key used to find every version of a record: `kind/id`. */
export function recordKey(kind: string, id: string | number): string {
  return `${kind}/${id}`;
}

function checkRecord(r: RecordEntry): void {
  if (!KIND.test(r.kind)) throw new RecordError(`kind ${JSON.stringify(r.kind)} must match ${KIND}`);
  if (typeof r.id === 'number' ? !Number.isSafeInteger(r.id) || r.id < 0 : r.id === '' || /[\u0000-\u001f]/.test(r.id)) {
    throw new RecordError(`record id ${JSON.stringify(r.id)} must be a non-negative integer or a non-empty line of text`);
  }
  if (!Number.isSafeInteger(r.version) || r.version < 1) throw new RecordError(`version ${r.version} must be an integer ≥ 1`);
  if (r.supersedes !== undefined && (!Number.isSafeInteger(r.supersedes) || r.supersedes < 0)) {
    throw new RecordError(`supersedes ${r.supersedes} must be a ledger index`);
  }
  if (r.version > 1 && r.supersedes === undefined) throw new RecordError(`version ${r.version} must name the entry it supersedes`);
}

// Any match of LONG_NUMBER contains a run of 15 digits; testing for one first is ~20× cheaper
// than LONG_NUMBER itself, which matters when a publish re-encodes 900,000 records.
const ANY_LONG_RUN = /\d{15}/;

/** The canonical entry as text (UTF-8 encode it for the bytes); throws RecordError. */
export function encodeRecordText(r: RecordEntry): string {
  checkRecord(r);
  const obj: { [k: string]: JsonValue } = { kind: r.kind, id: r.id, version: r.version, fields: r.fields };
  if (r.supersedes !== undefined) obj.supersedes = r.supersedes;
  const json = canonicalJson(obj);
  const m = ANY_LONG_RUN.test(json) ? LONG_NUMBER.exec(json) : null;
  if (m) {
    throw new RecordError(
      `${recordKey(r.kind, r.id)}: "${m[1]!.slice(0, 4)}…" looks like a full ID or account number; mask it before it reaches the ledger`,
    );
  }
  return RECORD_PREFIX + json;
}

/** Canonical ledger entry bytes for a record (throws RecordError). */
export function encodeRecordEntry(r: RecordEntry): Uint8Array {
  return utf8(encodeRecordText(r));
}

/**
 * Decode entry bytes written by encodeRecordEntry; null when the entry is not a v1 record or
 * is not in canonical form (then it is shown as opaque bytes).
 */
export function decodeRecordEntry(entry: Uint8Array): RecordEntry | null {
  const text = fromUtf8(entry);
  if (text === null || !text.startsWith(RECORD_PREFIX)) return null;
  try {
    const obj = JSON.parse(text.slice(RECORD_PREFIX.length)) as RecordEntry;
    const r: RecordEntry = { kind: obj.kind, id: obj.id, version: obj.version, fields: obj.fields };
    if (obj.supersedes !== undefined) r.supersedes = obj.supersedes;
    const again = fromUtf8(encodeRecordEntry(r));
    return again === text ? r : null;
  } catch {
    return null;
  }
}
