// `gongkai bench import`: a million generated disbursement rows through the real import
// path (read, parse, validate, mask, hash, one transaction), against — in the same run —
// `sqlite3 .import` of the same file into a bare table, the floor for getting CSV into
// SQLite at all. Each side runs in its own process; ours reports its own peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackage } from '../cli/system.ts';
import { openMigrated, ROOT } from '../db/client.ts';
import { writeDisbursementRows } from '../generate/generate.ts';
import { importFiles } from './run.ts';

const SQLITE3 = '/usr/bin/sqlite3';

interface Timed {
  seconds: number;
  output: string;
}

/** Run a command to completion, timing it from spawn to exit. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.stdin.end(stdin ?? '');
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}:\n${output}`));
      resolve({ seconds: (performance.now() - started) / 1000, output });
    });
  });
}

export async function benchImport(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { rows: { type: 'string' }, keep: { type: 'boolean' } } });
  const rows = Number(values.rows ?? 1_000_000);
  ensureDebianPackage('sqlite3', SQLITE3);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-import-'));
  try {
    console.log(`generating ${rows.toLocaleString('en')} disbursement rows …`);
    const gen = writeDisbursementRows(join(dir, 'disbursements.csv'), { rows, seed: 1 });
    const file = gen.files.disbursements;
    const mb = readFileSync(file).length / 1024 ** 2;

    // The prerequisites (areas, funds) are loaded first and not timed.
    const dbPath = join(dir, 'bench.db');
    const db = openMigrated(dbPath);
    const pre = await importFiles(db, [{ path: gen.files.areas }, { path: gen.files.funds }], { user: 'bench', idKey: new Uint8Array(32).fill(1) });
    if (!pre.ok) throw new Error('bench prerequisites did not load');
    db.$client.close();

    const env = { ...process.env, GONGKAI_DB: dbPath, GONGKAI_ID_KEY: '01'.repeat(32), GONGKAI_REPORT_RSS: '1' };
    console.log(`importing ${mb.toFixed(0)} MB through the real path …`);
    const ours = await timed(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'import', 'disbursements', file], env);
    const peakRssMb = Number(/peak_rss_kb=(\d+)/.exec(ours.output)?.[1] ?? NaN) / 1024;
    const check = openMigrated(dbPath);
    const loaded = check.$client.prepare('SELECT count(*) AS n, sum(amount_fen) AS fen FROM disbursements').get() as { n: number; fen: number };
    check.$client.close();
    if (loaded.n !== gen.rows || loaded.fen !== gen.amountFen) {
      throw new Error(`loaded ${loaded.n} rows / ${loaded.fen} fen, generated ${gen.rows} / ${gen.amountFen}`);
    }

    console.log('sqlite3 .import of the same file into a bare table (the floor) …');
    const header = readFileSync(file, 'utf8').slice(0, 4096).split('\n')[0]!.split(',');
    const script = `CREATE TABLE t(${header.map((_, i) => `c${i}`).join(', ')});\n.mode csv\n.import --skip 1 ${file} t\n`;
    const floor = await timed(SQLITE3, [join(dir, 'floor.db')], process.env, script);

    const result = {
      bench: 'import',
      rows: gen.rows,
      seconds: round(ours.seconds, 2),
      rows_per_s: Math.round(gen.rows / ours.seconds),
      floor_seconds: round(floor.seconds, 2),
      ratio: round(ours.seconds / floor.seconds, 2),
      peak_rss_mb: Math.round(peakRssMb),
    };
    console.log(`
  file              ${mb.toFixed(1)} MB, ${gen.rows.toLocaleString('en')} rows (sum ${(gen.amountFen / 100).toLocaleString('zh-CN')} 元, checked after import)
  gongkai import    ${result.seconds} s   ${result.rows_per_s.toLocaleString('en')} rows/s   peak RSS ${result.peak_rss_mb} MB
  sqlite3 .import   ${result.floor_seconds} s   (bare table, no validation, no index)
  ratio             ${result.ratio}×   (goal ≤ 3×, peak RSS < 500 MB)`);
    console.log(JSON.stringify(result));
    return 0;
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
