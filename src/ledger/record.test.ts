import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from './bytes.ts';
import { RecordError, canonicalJson, decodeRecordEntry, encodeRecordEntry, type RecordEntry } from './record.ts';

const payment: RecordEntry = {
  kind: 'disbursement',
  id: 'F2024-001/000123',
  version: 1,
  fields: { village: '石门村', name: '王*明', id_masked: '430524********123X', amount_fen: 125000, paid_on: '2024-03-05' },
};

describe('record entries (gongkai/record/v1)', () => {
  it('is the version line plus canonical JSON with sorted keys and no spaces', () => {
    expect(fromUtf8(encodeRecordEntry(payment))).toBe(
      'gongkai/record/v1\n' +
        '{"fields":{"amount_fen":125000,"id_masked":"430524********123X","name":"王*明","paid_on":"2024-03-05","village":"石门村"},' +
        '"id":"F2024-001/000123","kind":"disbursement","version":1}',
    );
  });

  it('gives the same bytes whatever the order the fields were written in', () => {
    const shuffled = { ...payment, fields: { paid_on: '2024-03-05', amount_fen: 125000, village: '石门村', id_masked: '430524********123X', name: '王*明' } };
    expect(encodeRecordEntry(shuffled)).toEqual(encodeRecordEntry(payment));
  });

  it('decodes what it encodes, with a correction naming the entry it supersedes', () => {
    const fix: RecordEntry = { ...payment, version: 2, supersedes: 17, fields: { ...payment.fields, amount_fen: 120000 } };
    expect(decodeRecordEntry(encodeRecordEntry(fix))).toEqual(fix);
    expect(() => encodeRecordEntry({ ...fix, supersedes: undefined } as unknown as RecordEntry)).toThrow(/supersedes/);
  });

  it('treats other bytes, and non-canonical JSON, as opaque', () => {
    expect(decodeRecordEntry(utf8('hello'))).toBeNull();
    expect(decodeRecordEntry(utf8('gongkai/record/v1\n{"kind":"x","id":1,"version":1,"fields":{}}'))).toBeNull(); // keys unsorted
    expect(decodeRecordEntry(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it('refuses money as a float, and odd values', () => {
    expect(() => encodeRecordEntry({ ...payment, fields: { amount: 1250.5 } })).toThrow(/integer 分/);
    expect(() => canonicalJson({ a: undefined } as never)).toThrow(RecordError);
    expect(() => canonicalJson({ a: new Date() } as never)).toThrow(/plain object/);
    expect(() => encodeRecordEntry({ ...payment, kind: 'Disbursement' })).toThrow(/kind/);
  });

  it('refuses what looks like a full ID or bank account number, anywhere in the record', () => {
    expect(() => encodeRecordEntry({ ...payment, fields: { id: '43052419800101123X' } })).toThrow(/looks like a full ID/);
    expect(() => encodeRecordEntry({ ...payment, fields: { note: '账号 6222021234567890123 已付' } })).toThrow(/looks like/);
    expect(() => encodeRecordEntry({ ...payment, id: '430524198001011234' })).toThrow(/looks like/);
    // Masked IDs, dates, amounts and long hex digests are fine.
    expect(() => encodeRecordEntry({ ...payment, fields: { doc_sha256: 'ab1234567890123456789cd', id_masked: '430524********1234' } })).not.toThrow();
  });
});
