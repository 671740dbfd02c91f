import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigrated, type Db } from '../db/client.ts';
import { utf8 } from './bytes.ts';
import { leafHash } from './hash.ts';
import { parseVerifierKey } from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';
import { writeLedgerSite } from './site.ts';
import { openLogSource } from './source.node.ts';
import { LedgerError, appendEntries, appendRecords } from './store.ts';
import { decodeBundle, encodeBundle } from './tiles.ts';
import { VerifyError, verifyLog, verifyRecord } from './verify.ts';

const ORIGIN = 'county.example/ledger';
const key = generateKey(ORIGIN);
const signer = parseSignerKey(key.skey);
const verifier = parseVerifierKey(key.vkey);
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-ledger-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const records = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'disbursement', id: from + i, version: 1, fields: { amount_fen: 10_000 + i, village: '石门村' } }));

/** A database with 300 records published, then 600 more published: two checkpoints. */
async function publishedTwice(dir: string): Promise<{ db: Db; first: string }> {
  const db = openMigrated(':memory:');
  appendRecords(db, records(0, 300));
  const first = (await writeLedgerSite(db, dir, signer, ORIGIN)).checkpoint;
  appendRecords(db, records(300, 600));
  await writeLedgerSite(db, dir, signer, ORIGIN);
  return { db, first };
}

let good: string;
let firstCheckpoint: string;
beforeAll(async () => {
  good = join(tmp, 'good');
  const { db, first } = await publishedTwice(good);
  firstCheckpoint = first;
  db.$client.close();
});

async function verifyDir(dir: string, since?: string) {
  const src = await openLogSource(dir);
  return verifyLog(src.read, since === undefined ? { key: verifier } : { key: verifier, since });
}

describe('writeLedgerSite', () => {
  it('writes a tlog-tiles log that verify accepts, with the partial tiles of every signed size', async () => {
    const files = (d: string): string[] => readdirSync(join(good, 'ledger', d), { recursive: true }).map(String).sort();
    expect(files('tile')).toEqual(
      expect.arrayContaining(['0/000', '0/001', '0/001.p/44', '0/003.p/132', '1/000.p/1', '1/000.p/3', 'entries/001.p/44', 'entries/003.p/132']),
    );
    expect(readFileSync(join(good, 'ledger/history/index'), 'utf8')).toBe('300\n900\n');
    expect(readFileSync(join(good, 'ledger/vkey'), 'utf8')).toBe(`${key.vkey}\n`);
    const report = await verifyDir(good);
    expect(report.checkpoint).toMatchObject({ origin: ORIGIN, size: 900 });
    expect(report.consistentWith).toEqual([300, 900]);
  });

  it('stores the tile hashes it vouched for, and audits in worker threads for a file database', async () => {
    const dir = join(tmp, 'file-db');
    const db = openMigrated(join(tmp, 'ledger.db'));
    appendEntries(db, Array.from({ length: 70_000 }, (_, i) => utf8(`e${i}`)));
    await writeLedgerSite(db, dir, signer, ORIGIN, { workers: 2 });
    expect(db.$client.prepare('SELECT level, count(*) AS n FROM ledger_tile_hashes GROUP BY level').all()).toEqual([
      { level: 1, n: 273 },
      { level: 2, n: 1 },
    ]);
    expect((await verifyDir(dir)).checkpoint.size).toBe(70_000);
    // A row rewritten in the second worker's half is named by that worker.
    db.$client.exec('DROP TRIGGER ledger_entries_no_update');
    db.$client.prepare("UPDATE ledger_entries SET entry = x'00' WHERE idx = 69000").run();
    await expect(writeLedgerSite(db, dir, signer, ORIGIN, { workers: 2 })).rejects.toThrow(/ledger entry 69000 does not match/);
    db.$client.close();
  });

  it('proves one record from the checkpoint, one bundle and a few tiles', async () => {
    const src = await openLogSource(good); // the built site: the log is found under ledger/
    const r = await verifyRecord(src.read, 777, verifier);
    expect(r.record).toMatchObject({ kind: 'disbursement', id: 777, fields: { amount_fen: 10_000 + 477 } });
    expect(r.proof.length).toBe(10); // ⌈log2 900⌉
  });

  it('does not sign again when nothing was appended', async () => {
    const dir = join(tmp, 'again');
    const db = openMigrated(':memory:');
    appendRecords(db, records(0, 10));
    const a = await writeLedgerSite(db, dir, signer, ORIGIN);
    const b = await writeLedgerSite(db, dir, signer, ORIGIN);
    expect([a.signed, b.signed]).toEqual([true, false]);
    expect(b.checkpoint).toBe(a.checkpoint);
  });

  it('verifies a log of opaque entries with no history (any tlog-tiles log)', async () => {
    const dir = join(tmp, 'opaque');
    const db = openMigrated(':memory:');
    appendEntries(db, Array.from({ length: 513 }, (_, i) => new Uint8Array([i % 256, 0, 255, i >> 8])));
    await writeLedgerSite(db, dir, signer, ORIGIN);
    rmSync(join(dir, 'ledger/history'), { recursive: true });
    expect((await verifyDir(dir)).checkpoint.size).toBe(513);
    expect((await verifyRecord((await openLogSource(dir)).read, 512, verifier)).record).toBeNull();
  });
});

describe('the ledger refuses to sign over a rewritten database', () => {
  async function tamperedAfterPublish(sql: string): Promise<{ db: Db; dir: string; before: string }> {
    const dir = join(tmp, `db-${Math.random().toString(36).slice(2)}`);
    const db = openMigrated(':memory:');
    appendRecords(db, records(0, 300));
    await writeLedgerSite(db, dir, signer, ORIGIN);
    // An attacker with the database file can drop the triggers first.
    db.$client.exec('DROP TRIGGER ledger_entries_no_update');
    db.$client.exec(sql);
    return { db, dir, before: readFileSync(join(dir, 'ledger/checkpoint'), 'utf8') };
  }

  it('names the row whose bytes no longer match its leaf hash', async () => {
    const { db, dir, before } = await tamperedAfterPublish("UPDATE ledger_entries SET entry = CAST('forged' AS BLOB) WHERE idx = 17");
    await expect(writeLedgerSite(db, dir, signer, ORIGIN)).rejects.toThrow(/ledger entry 17 does not match its stored leaf hash/);
    expect(readFileSync(join(dir, 'ledger/checkpoint'), 'utf8')).toBe(before); // the published log is untouched
  });

  it('names the tile whose stored hash no longer covers its rows', async () => {
    // Entry and leaf hash rewritten together, in a full tile: the stored tile hash catches it.
    const { db, dir } = await tamperedAfterPublish('SELECT 1');
    db.$client.prepare('UPDATE ledger_entries SET entry = ?, leaf_hash = ? WHERE idx = 17').run(utf8('forged'), leafHash(utf8('forged')));
    await expect(writeLedgerSite(db, dir, signer, ORIGIN)).rejects.toThrow(/ledger_tile_hashes level 1 index 0 does not match entries 0–255/);
  });

  it('refuses a tree that does not extend the last checkpoint, even when rows are self-consistent', async () => {
    const { db, dir } = await tamperedAfterPublish('SELECT 1');
    // Rewrite entry 290 (in the last, partial tile, so no stored tile hash covers it) together
    // with a matching leaf hash, as a careful attacker would.
    db.$client.prepare('UPDATE ledger_entries SET entry = ?, leaf_hash = ? WHERE idx = 290').run(utf8('forged'), leafHash(utf8('forged')));
    await expect(writeLedgerSite(db, dir, signer, ORIGIN)).rejects.toThrow(/not consistent with the checkpoint of size 300/);
  });

  it('refuses to sign for another origin', async () => {
    const { db, dir } = await tamperedAfterPublish('SELECT 1');
    await expect(writeLedgerSite(db, dir, signer, 'elsewhere.example/ledger')).rejects.toThrow(LedgerError);
  });
});

describe('verify catches every tamper of the published files, naming it', () => {
  let n = 0;
  function copy(): string {
    const dir = join(tmp, `tamper-${n++}`);
    cpSync(good, dir, { recursive: true });
    return join(dir, 'ledger');
  }
  const flip = (file: string, at: number): void => {
    const b = readFileSync(file);
    b[at]! ^= 1;
    writeFileSync(file, b);
  };
  async function failure(dir: string, since?: string): Promise<VerifyError> {
    const err = await verifyDir(dir, since).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VerifyError);
    return err as VerifyError;
  }

  it('one byte of an entry in a bundle → that entry', async () => {
    const log = copy();
    const file = join(log, 'tile/entries/000');
    const entries = decodeBundle(readFileSync(file), 256).map((e) => new Uint8Array(e));
    entries[17]![30]! ^= 1;
    writeFileSync(file, encodeBundle(entries));
    const err = await failure(log);
    expect(err.where).toBe('entry 17');
    expect(err.message).toMatch(/entry 17 does not match the signed tree.*tile\/entries\/000/);
  });

  it.each([
    ['tile/0/001', 3 * 32 + 5],
    ['tile/0/003.p/132', 100 * 32],
    ['tile/1/000.p/3', 40],
    ['tile/0/001.p/44', 43 * 32 + 31], // the partial tile of the earlier size 300
  ])('one byte of %s → that tile', async (path, at) => {
    const log = copy();
    flip(join(log, path), at);
    const err = await failure(log);
    expect(err.where).toBe(path);
    expect(err.message).toContain(path);
  });

  it.each([
    ['tile/entries/001.p/44', 'differs'], // the earlier size's partial bundle
    ['tile/entries/002', 'truncated|bytes after|ends after'],
    ['checkpoint', 'does not verify|malformed'],
    ['history/300', 'does not verify|malformed'],
  ])('one byte of %s → %s', async (path, message) => {
    const log = copy();
    flip(join(log, path), path.startsWith('tile/entries/002') ? 0 : 60);
    const err = await failure(log);
    expect(err.where).toBe(path);
    expect(err.message).toMatch(new RegExp(message));
  });

  it('a missing tile → that tile', async () => {
    const log = copy();
    rmSync(join(log, 'tile/0/002'));
    expect((await failure(log)).message).toBe('tile/0/002 is missing');
  });

  it('--since: an earlier checkpoint of this log is consistent; one of a rewritten log is not', async () => {
    expect((await verifyDir(good, firstCheckpoint)).consistentWith).toContain(300);
    // Another log, same key and origin, whose first 300 entries differ: a fork.
    const fork = join(tmp, 'fork');
    const db = openMigrated(':memory:');
    appendRecords(db, records(1, 300));
    const forked = (await writeLedgerSite(db, fork, signer, ORIGIN)).checkpoint;
    const err = await failure(good, forked);
    expect(err.message).toMatch(/--since checkpoint \(size 300\) is NOT consistent/);
    expect(existsSync(fork)).toBe(true);
  });
});

describe('verify over HTTP', () => {
  it('verifies a site served by a web server, given its root URL', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      try {
        const body = readFileSync(join(good, decodeURIComponent(new URL(req.url!, 'http://x').pathname)));
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const src = await openLogSource(`http://127.0.0.1:${port}/`);
      expect(src.prefix).toBe(`http://127.0.0.1:${port}/ledger`);
      expect((await verifyLog(src.read, { key: verifier, readAhead: 32 })).checkpoint.size).toBe(900);
      expect((await verifyRecord(src.read, 5, verifier)).record).toMatchObject({ id: 5 });
    } finally {
      server.close();
    }
  });
});
