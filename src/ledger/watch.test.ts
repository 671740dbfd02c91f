// watchCheckpoint against real logs written by writeLedgerSite: remembers the first
// checkpoint, accepts the same one and a grown one (proved from the tiles), and flags a
// forked log without forgetting the checkpoint it remembered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../db/client.ts';
import { parseVerifierKey } from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';
import { writeLedgerSite } from './site.ts';
import { openLogSource } from './source.node.ts';
import { appendRecords } from './store.ts';
import { watchCheckpoint, type CheckpointStore } from './watch.ts';

const ORIGIN = 'kiosk.example/ledger';
const key = generateKey(ORIGIN);
const signer = parseSignerKey(key.skey);
const verifier = parseVerifierKey(key.vkey);
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const records = (from: number, n: number, amount = 100) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'disbursement', id: from + i, version: 1, fields: { amount_fen: amount + i } }));

class MemoryStore implements CheckpointStore {
  items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
}

describe('watchCheckpoint', () => {
  it('remembers, accepts growth across tile boundaries, and flags a fork', async () => {
    const dir = join(tmp, 'log');
    const db = openMigrated(':memory:');
    appendRecords(db, records(0, 300));
    await writeLedgerSite(db, dir, signer, ORIGIN);
    const { read } = await openLogSource(dir);
    const store = new MemoryStore();

    const first = await watchCheckpoint({ read, key: verifier, store });
    expect(first.status).toBe('first');
    expect((await watchCheckpoint({ read, key: verifier, store })).status).toBe('same');

    appendRecords(db, records(300, 500));
    await writeLedgerSite(db, dir, signer, ORIGIN);
    const grown = await watchCheckpoint({ read, key: verifier, store });
    expect(grown).toMatchObject({ status: 'grown', previous: { size: 300 }, checkpoint: { size: 800 } });
    const remembered = [...store.items.values()][0];

    // Another log under the same key and origin, whose first 800 entries differ: a fork.
    const forkDir = join(tmp, 'fork');
    const fork = openMigrated(':memory:');
    appendRecords(fork, [...records(0, 799), ...records(799, 1, 5)]);
    appendRecords(fork, records(800, 100));
    await writeLedgerSite(fork, forkDir, signer, ORIGIN);
    const forkLog = await openLogSource(forkDir);
    const bad = await watchCheckpoint({ read: forkLog.read, key: verifier, store });
    expect(bad.status).toBe('inconsistent');
    expect(bad.status === 'inconsistent' && bad.reason).toBeTruthy();
    expect([...store.items.values()][0]).toBe(remembered); // the warning stands next time
    expect((await watchCheckpoint({ read: forkLog.read, key: verifier, store })).status).toBe('inconsistent');

    // A shrunken log is flagged too.
    const small = openMigrated(':memory:');
    appendRecords(small, records(0, 10));
    const smallDir = join(tmp, 'small');
    await writeLedgerSite(small, smallDir, signer, ORIGIN);
    const shrunk = await watchCheckpoint({ read: (await openLogSource(smallDir)).read, key: verifier, store });
    expect(shrunk.status === 'inconsistent' && shrunk.reason).toMatch(/shrank/);
  });
});
