import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../db/client.ts';
import { toBase64 } from './bytes.ts';
import { parseVerifierKey } from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './proof.ts';
import { encodeRecordEntry } from './record.ts';
import { writeLedgerSite } from './site.ts';
import { openLogSource } from './source.node.ts';
import { appendRecords } from './store.ts';
import { verifyRecord } from './verify.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-receipt-'));
const key = generateKey('county.example/ledger');
const vkey = parseVerifierKey(key.vkey);
const payment = { kind: 'disbursement', id: 77, version: 1, fields: { name: '王*明', amount_fen: 125_000 } };
let receipt = '';

beforeAll(async () => {
  const db = openMigrated(':memory:');
  appendRecords(db, Array.from({ length: 300 }, (_, i) => ({ ...payment, id: i, fields: { ...payment.fields, amount_fen: 1000 + i } })));
  appendRecords(db, [payment]); // entry 300
  await writeLedgerSite(db, tmp, parseSignerKey(key.skey), 'county.example/ledger');
  const r = await verifyRecord((await openLogSource(tmp)).read, 300, vkey);
  receipt = formatTlogProof({ extra: r.entry, index: r.index, proof: r.proof, checkpoint: r.note });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tlog-proof receipts (c2sp.org/tlog-proof)', () => {
  it('has the header, the entry as extra, the index, the proof and the signed checkpoint', () => {
    const lines = receipt.split('\n');
    expect(lines[0]).toBe('c2sp.org/tlog-proof@v1');
    expect(lines[1]).toBe(`extra ${toBase64(encodeRecordEntry(payment))}`);
    expect(lines[2]).toBe('index 300');
    expect(receipt).toMatch(/\n\ncounty\.example\/ledger\n301\n[A-Za-z0-9+/]{43}=\n\n— county\.example\/ledger /);
    expect(parseTlogProof(receipt).proof).toHaveLength(4); // leaf 300 of 301: siblings 296–299, 288–295, 256–287, 0–255
  });

  it('verifies offline with the county key, and only for the entry it was issued for', async () => {
    expect((await verifyTlogProof(receipt, vkey)).size).toBe(301);
    const other = encodeRecordEntry({ ...payment, fields: { ...payment.fields, amount_fen: 999_999 } });
    await expect(verifyTlogProof(receipt, vkey, other)).rejects.toThrow(/does not match/);
    await expect(verifyTlogProof(receipt, parseVerifierKey(generateKey('county.example/ledger').vkey))).rejects.toThrow(/not signed by a trusted key/);
  });

  it('fails when a proof line is altered or the receipt is not one', async () => {
    const lines = receipt.split('\n');
    lines[4] = toBase64(new Uint8Array(32));
    await expect(verifyTlogProof(lines.join('\n'), vkey)).rejects.toThrow(/does not match/);
    expect(() => parseTlogProof(receipt.replace('@v1', '@v2'))).toThrow(/not a c2sp.org\/tlog-proof@v1/);
    expect(() => parseTlogProof(receipt.replace('index 300', 'index 0300'))).toThrow(/index/);
    await expect(verifyTlogProof(receipt.replace(/^extra .*\n/m, ''), vkey)).rejects.toThrow(/carries no entry/);
  });
});
