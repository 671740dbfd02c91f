// SIGKILL in the middle of an import: the database must hold the whole batch or none of it,
// stay readable, and take the same file again afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, ROOT } from '../db/client.ts';
import { tempDb, type TempDb } from '../db/testing.ts';
import { idCheckChar } from '../privacy/id-number.ts';
import { importFiles } from './run.ts';

const ROWS = 150_000;
let t: TempDb;
let big: string;

/** A disbursement file big enough to take a few seconds to import. */
async function writeBigFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期\n');
  for (let i = 0; i < ROWS; i++) {
    const person = i % 20_000;
    const first17 = `430524${1940 + (person % 55)}${String(1 + (person % 12)).padStart(2, '0')}${String(1 + (person % 28)).padStart(2, '0')}${String(person % 1000).padStart(3, '0')}`;
    const id = first17 + idCheckChar(first17);
    const month = String(1 + Math.floor(i / 20_000)).padStart(2, '0');
    const line = `ZX2025-01,城关镇,和平村,${person},王${String.fromCharCode(0x4e00 + person)}明,${id},${100 + (i % 900)}.50,2025-${month}-01,2025-${month}-03\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

/** Run `gongkai import` in a child; SIGKILL it once it reports `killAt`% read. */
function importAndKill(killAt: number | null): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'import', 'disbursements', big], {
      env: { ...process.env, GONGKAI_DB: t.path, GONGKAI_PROGRESS: 'lines', GONGKAI_ID_KEY: '07'.repeat(32) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (killAt !== null && output.includes(`${killAt}%`)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
  });
}

beforeAll(async () => {
  t = tempDb();
  const county = join(import.meta.dirname, 'fixtures/county');
  const r = await importFiles(t.db, [{ path: join(county, 'areas.csv') }, { path: join(county, 'funds.csv') }], {
    user: 'test',
    idKey: new Uint8Array(32).fill(7),
  });
  expect(r.ok).toBe(true);
  t.db.$client.close(); // the child is the only writer
  big = join(t.dir, 'disbursements.csv');
  await writeBigFile(big);
}, 120_000);
afterAll(() => t.cleanup());

describe('an import killed with SIGKILL', () => {
  it('leaves none of the batch when killed half-way, and the same file loads afterwards', async () => {
    const { killed, output } = await importAndKill(50);
    expect(killed).toBe(true);
    expect(output).not.toContain('导入成功');
    const db = openDb(t.path);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.prepare('SELECT count(*) FROM disbursements').pluck().get()).toBe(0);
    expect(db.$client.prepare("SELECT count(*) FROM import_batches WHERE kind = 'disbursements'").pluck().get()).toBe(0);
    db.$client.close();

    const again = await importAndKill(null);
    expect(again.output).toContain('导入成功');
    const after = openDb(t.path);
    expect(after.$client.prepare('SELECT count(*) FROM disbursements').pluck().get()).toBe(ROWS);
    after.$client.close();
  }, 180_000);
});
