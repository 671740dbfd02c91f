import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../cli/command.ts';
import { ROOT, openMigrated } from '../db/client.ts';
import { ledgerCommand, verifyCommand } from './commands.ts';
import { loadLedgerSigner } from './keys.node.ts';
import { writeLedgerSite } from './site.ts';
import { appendRecords } from './store.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-ledger-cli-'));
const keyFile = join(tmp, 'secrets', 'ledger.key');
const site = join(tmp, 'site');
let vkey = '';
let out: string[] = [];

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(await ledgerCommand.run(['keygen', '--name', 'county.example/ledger', '--out', keyFile])).toBe(0);
  vkey = out.find((l) => l.includes('county.example/ledger+'))!.split('\n').pop()!;
  const db = openMigrated(':memory:');
  appendRecords(db, Array.from({ length: 600 }, (_, i) => ({ kind: 'project', id: i, version: 1, fields: { amount_fen: i * 100 } })));
  await writeLedgerSite(db, site, loadLedgerSigner(keyFile), 'county.example/ledger');
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

async function fails(args: string[]): Promise<UserError> {
  const err = await Promise.resolve().then(() => verifyCommand.run(args)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('./gongkai ledger keygen', () => {
  it('writes a private key only its owner can read, and refuses to overwrite it', async () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^PRIVATE\+KEY\+county\.example\/ledger\+[0-9a-f]{8}\+/);
    await expect(ledgerCommand.run(['keygen', '--out', keyFile])).rejects.toThrow(/already exists/);
  });

  it('refuses to put the key inside the repository (outside data/secrets)', async () => {
    await expect(ledgerCommand.run(['keygen', '--out', join(ROOT, 'src', 'ledger.key')])).rejects.toThrow(/inside the repository/);
  });
});

describe('./gongkai verify', () => {
  it('accepts the published site with the county key, given as text or as a file', async () => {
    out = [];
    expect(await verifyCommand.run([site, '--key', vkey, '--origin', 'county.example/ledger'])).toBe(0);
    expect(out[0]).toMatch(/^OK /);
    writeFileSync(join(tmp, 'county.vkey'), `${vkey}\n`);
    expect(await verifyCommand.run([join(site, 'ledger'), '--key', join(tmp, 'county.vkey')])).toBe(0);
  });

  it('prints a record with its proof', async () => {
    out = [];
    expect(await verifyCommand.run(['record', '421', site, '--key', vkey])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('record project/421, version 1');
    expect(text).toContain('"amount_fen": 42100');
    expect(text).toMatch(/inclusion proof, 10 hashes/);
    expect(text).toMatch(/verified: included in the tree of 600 entries/);
  });

  it('fails with exit code 1, naming the first bad tile', async () => {
    const tile = join(site, 'ledger/tile/0/001');
    const good = readFileSync(tile);
    const bad = Buffer.from(good);
    bad[100]! ^= 1;
    writeFileSync(tile, bad);
    try {
      const err = await fails([site, '--key', vkey]);
      expect(err.exitCode).toBe(1);
      expect(err.message).toBe('FAILED: tile/0/001 is corrupt: hash 3 does not match the entries');
    } finally {
      writeFileSync(tile, good);
    }
  });

  it('fails when the checkpoint is signed by another key or for another origin', async () => {
    const other = 'someone.else+0e6a5f41+AaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA';
    expect((await fails([site, '--key', other])).message).toMatch(/--key|not signed by a trusted key/);
    expect((await fails([site, '--key', vkey, '--origin', 'elsewhere.example/ledger'])).message).toMatch(/FAILED: checkpoint: checkpoint origin/);
  });

  it('writes a receipt for a record and verifies it offline; an altered receipt fails', async () => {
    const file = join(tmp, 'p421.tlog-proof');
    expect(await verifyCommand.run(['record', '421', site, '--key', vkey, '--receipt', file])).toBe(0);
    out = [];
    expect(await verifyCommand.run(['receipt', file, '--key', vkey])).toBe(0);
    expect(out.join('\n')).toMatch(/receipt for entry 421 of county\.example\/ledger[\s\S]*"amount_fen": 42100[\s\S]*verified/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('index 421', 'index 420'));
    expect((await fails(['receipt', file, '--key', vkey])).exitCode).toBe(1);
  });

  it('refuses an index that is not in the log', async () => {
    expect((await fails(['record', '600', site, '--key', vkey])).message).toMatch(/index 600 is not in the log \(it has 600 entries\)/);
  });
});
