import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigrated, type Db } from '../db/client.ts';
import { utf8 } from './bytes.ts';
import { leafHash } from './hash.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';
import { decodeRecordEntry } from './record.ts';
import { ReferenceTree } from './reference.ts';
import {
  appendEntries,
  appendRecords,
  consistencyProofAt,
  inclusionProofAt,
  ledgerSize,
  readEntry,
  recordHistory,
  rootAt,
} from './store.ts';

let db: Db;
beforeEach(() => {
  db = openMigrated(':memory:');
});
afterEach(() => db.$client.close());

const entry = (i: number): Uint8Array => utf8(`entry number ${i}`);

describe('appending entries', () => {
  it('stores each entry with its leaf hash at the next index, and grows the root like RFC 6962', () => {
    const n = 66_000; // crosses a level-2 tile boundary (65,536)
    const all = Array.from({ length: n }, (_, i) => entry(i));
    const ref = new ReferenceTree(all.map(leafHash));
    // Appended in uneven batches, so tile completion happens mid-batch and across batches.
    let at = 0;
    for (const len of [1, 255, 1, 300, 65_000, 443]) {
      expect(appendEntries(db, all.slice(at, at + len))).toEqual({ first: at, size: at + len });
      at += len;
    }
    expect(ledgerSize(db)).toBe(n);
    expect(readEntry(db, 1234)?.entry).toEqual(entry(1234));
    for (const size of [1, 255, 256, 257, 65_535, 65_536, 65_537, n]) expect(rootAt(db, size), `size ${size}`).toEqual(ref.mth(0, size));

    const proof = inclusionProofAt(db, 65_700, n);
    expect(proof).toEqual(ref.path(65_700, 0, n));
    verifyInclusion(leafHash(entry(65_700)), 65_700, n, proof, rootAt(db, n));
    verifyConsistency(300, n, consistencyProofAt(db, 300, n), rootAt(db, 300), rootAt(db, n));
  });

  it('joins the caller\'s transaction: a failed import appends nothing', () => {
    appendEntries(db, [entry(0)]);
    expect(() =>
      db.$client.transaction(() => {
        appendEntries(db, [entry(1), entry(2)]);
        throw new Error('a later row of the import failed');
      })(),
    ).toThrow(/later row/);
    expect(ledgerSize(db)).toBe(1);
  });

  it('appends nothing when one entry is too large for a tlog-tiles bundle', () => {
    expect(() => appendEntries(db, [entry(0), new Uint8Array(65_536)])).toThrow(/65535/);
    expect(ledgerSize(db)).toBe(0);
  });
});

describe('append-only triggers', () => {
  beforeEach(() => {
    appendEntries(db, Array.from({ length: 300 }, (_, i) => entry(i)));
    db.$client.prepare("INSERT INTO ledger_checkpoints (origin, size, root_hash, note, signed_at) VALUES ('o', 300, ?, 'n', 't')").run(rootAt(db, 300));
    db.$client.prepare('INSERT INTO ledger_tile_hashes (level, idx, hash) VALUES (1, 0, ?)').run(rootAt(db, 256));
  });

  it.each([
    ['UPDATE ledger_entries SET entry = x\'00\' WHERE idx = 5', /append-only: UPDATE refused/],
    ['DELETE FROM ledger_entries WHERE idx = 299', /append-only: DELETE refused/],
    ['UPDATE ledger_tile_hashes SET hash = zeroblob(32)', /append-only: UPDATE refused/],
    ['DELETE FROM ledger_tile_hashes', /append-only: DELETE refused/],
    ["UPDATE ledger_checkpoints SET note = 'forged'", /append-only: UPDATE refused/],
    ['DELETE FROM ledger_checkpoints', /append-only: DELETE refused/],
    // Rewriting through the back door: replace an old index, or leave a gap.
    ["INSERT OR REPLACE INTO ledger_entries (idx, entry, leaf_hash, appended_at) VALUES (5, x'00', zeroblob(32), 't')", /next index/],
    ["INSERT INTO ledger_entries (idx, entry, leaf_hash, appended_at) VALUES (301, x'00', zeroblob(32), 't')", /next index/],
    ["INSERT OR REPLACE INTO ledger_tile_hashes (level, idx, hash) VALUES (1, 0, zeroblob(32))", /next index/],
    ["INSERT OR REPLACE INTO ledger_checkpoints (origin, size, root_hash, note, signed_at) VALUES ('o', 300, zeroblob(32), 'n', 't')", /larger than the last/],
  ])('refuses %s', (statement, message) => {
    expect(() => db.$client.prepare(statement).run()).toThrow(message);
    expect(rootAt(db, 300)).toEqual(new ReferenceTree(Array.from({ length: 300 }, (_, i) => leafHash(entry(i)))).mth(0, 300));
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    expect(() =>
      db.$client.prepare("INSERT INTO ledger_entries (idx, entry, leaf_hash, appended_at) VALUES (300, x'00', zeroblob(31), 't')").run(),
    ).toThrow(/CHECK constraint/);
  });
});

describe('records', () => {
  const v1 = { kind: 'project', id: 42, version: 1, fields: { name: '石门村道路硬化', amount_fen: 35_000_000 } };

  it('appends records and follows a correction back to the version it replaced', () => {
    appendRecords(db, [v1, { ...v1, id: 43 }]);
    appendRecords(db, [{ ...v1, version: 2, supersedes: 0, fields: { ...v1.fields, amount_fen: 34_800_000 } }]);
    const history = recordHistory(db, 2);
    expect(history.map((v) => [v.idx, v.record.version, v.record.fields.amount_fen])).toEqual([
      [2, 2, 34_800_000],
      [0, 1, 35_000_000],
    ]);
    expect(decodeRecordEntry(readEntry(db, 2)!.entry)).toMatchObject({ version: 2, supersedes: 0 });
  });

  it('refuses a correction that names another record or a later entry', () => {
    appendRecords(db, [v1, { ...v1, id: 43 }]);
    expect(() => appendRecords(db, [{ ...v1, version: 2, supersedes: 1 }])).toThrow(/not an earlier version of the same record/);
    expect(() => appendRecords(db, [{ ...v1, version: 2, supersedes: 7 }])).toThrow(/not an earlier version/);
    expect(ledgerSize(db)).toBe(2);
    // Within one call, a correction may follow its original.
    appendRecords(db, [{ ...v1, id: 44 }, { ...v1, id: 44, version: 2, supersedes: 2 }]);
    expect(ledgerSize(db)).toBe(4);
  });
});
