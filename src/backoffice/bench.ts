// `./gongkai bench publish` (issue 6): on a copy of the seed-scale county, a 10,000-row
// payments batch is uploaded (pending), the live site is built, the real server serves it
// with its publish worker, visitors keep requesting pages, and a reviewer approves the
// batch. Measured: seconds from the approval until a new row is served, and how many
// visitor requests failed meanwhile. The full build that put the first site live is the
// baseline printed beside it (the publish is a full rebuild; see README for incremental).
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { UserError } from '../cli/command.ts';
import { ROOT, openDb, openMigrated, type Db } from '../db/client.ts';

const PAGES = ['/', '/funds/', '/villages/', '/projects/', '/budgets/', '/healthz'];

/** A valid-looking ID number outside the seed's region codes (GB 11643 check digit). */
function benchId(i: number, checkChar: (s: string) => string): string {
  const day = new Date(Date.UTC(1931, 0, 1) + Math.floor(i / 400) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `439901${day}${String(i % 400).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** Write the new batch: `rows` payments of one full-name household fund, spread over villages. */
function writeBatch(db: Db, path: string, rows: number, checkChar: (s: string) => string): { fund: string; village: string; name: string } {
  const q = db.$client;
  const fund = (q.prepare(`SELECT code FROM funds WHERE kind = 'household' ORDER BY name_display = 'full' DESC, code LIMIT 1`).pluck().get() as string) ?? '';
  const villages = q.prepare(`SELECT t.name AS township, v.name AS village, v.code FROM villages v JOIN townships t ON t.id = v.township_id ORDER BY v.code`).all() as { township: string; village: string; code: string }[];
  const lines = ['资金编码,乡镇,村,户号,姓名,身份证号,金额(元),审批日期,发放日期,发放渠道'];
  const given = ['明', '华', '强', '芳', '军', '燕', '平', '红', '伟', '英'];
  const family = ['测', '验', '试'];
  let first = '';
  for (let i = 0; i < rows; i++) {
    const v = villages[i % villages.length]!;
    const name = `${family[i % 3]}${given[Math.floor(i / 3) % 10]}${given[Math.floor(i / 30) % 10]}${i}`;
    if (i === 0) first = name;
    lines.push(`${fund},${v.township},${v.village},B${String(i).padStart(6, '0')},${name},${benchId(i, checkChar)},${(100 + (i % 900)).toFixed(2)},2025-11-02,2025-11-05,惠农一卡通`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return { fund, village: villages[0]!.code, name: first };
}

export async function benchPublish(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, rows: { type: 'string' }, port: { type: 'string' } } });
  const source = resolve(ROOT, values.db ?? 'data/seed.db');
  if (!existsSync(source)) {
    throw new UserError(`no seed database at ${source}: run
  ./gongkai generate --scale seed --out data/generated/seed
  GONGKAI_DB=data/seed.db ./gongkai load data/generated/seed`);
  }
  const rows = Number(values.rows ?? 10_000);
  const dir = join(ROOT, 'data/tmp/bench-publish');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A private copy: the approval changes the database, and the bench must be repeatable.
  const src = openDb(source);
  src.$client.pragma('wal_checkpoint(TRUNCATE)');
  src.$client.close();
  const dbFile = join(dir, 'gongkai.db');
  copyFileSync(source, dbFile);
  process.env.GONGKAI_DB = dbFile;
  process.env.GONGKAI_SITE_DIR = join(dir, 'site');
  process.env.GONGKAI_PUBLISH_POLL_MS = '200';

  const [{ importFiles }, { addUser, toStaff }, { decide }, { buildSite }, { createGongkaiServer }, { checkChar }, { liveDb, closeLiveDb }] = await Promise.all([
    import('../import/run.ts'),
    import('../auth/users.ts'),
    import('./review.ts'),
    import('../publish/build.ts'),
    import('../server/server.ts'),
    import('../generate/idcard.ts'),
    import('../db/live.ts'),
  ]);
  const db = openMigrated(dbFile);
  const payments = db.$client.prepare('SELECT count(*) FROM disbursements').pluck().get() as number;
  console.log(`seed copy: ${payments.toLocaleString('en')} payments`);
  const csv = join(dir, 'disbursements-bench.csv');
  const target = writeBatch(db, csv, rows, checkChar);
  const uploader = await addUser(db, { username: 'bench-up', displayName: 'bench uploader', password: 'bench-password-1', roles: ['uploader'] });
  const reviewer = await addUser(db, { username: 'bench-rev', displayName: 'bench reviewer', password: 'bench-password-2', roles: ['reviewer'] });
  let t = performance.now();
  const imported = await importFiles(db, [{ path: csv, kind: 'disbursements' }], { user: uploader.username, status: 'pending' });
  if (!imported.ok) throw new Error(`bench batch refused: ${imported.issues.slice(0, 3).map((i) => i.code).join(', ')}`);
  const batchId = imported.files[0]!.batchId!;
  console.log(`upload validated: ${rows.toLocaleString('en')} rows as pending batch ${batchId} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  db.$client.close();

  t = performance.now();
  const first = await buildSite({ log: () => {} });
  const baseline = (performance.now() - t) / 1000;
  console.log(`baseline: full build of the live site ${first.pages.toLocaleString('en')} pages in ${baseline.toFixed(1)} s`);

  const server = createGongkaiServer();
  await new Promise<void>((r) => server.listen(Number(values.port ?? 0), 'localhost', r));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  let stop = false;
  let requests = 0;
  let failed = 0;
  const visitor = async () => {
    for (let i = 0; !stop; i++) {
      try {
        const r = await fetch(base + PAGES[i % PAGES.length]!);
        await r.arrayBuffer();
        if (r.status !== 200) failed++;
      } catch {
        failed++;
      }
      requests++;
    }
  };
  const visitors = Array.from({ length: 4 }, visitor);

  // The village page (all its pages) shows the first new household once published.
  const served = async (): Promise<boolean> => {
    const index = await (await fetch(`${base}/villages/${target.village}/`)).text();
    if (index.includes(target.name)) return true;
    const more = [...new Set([...index.matchAll(new RegExp(`/villages/${target.village}/(\\d+)/`, 'g'))].map((m) => m[0]))];
    for (const p of more) if ((await (await fetch(base + p)).text()).includes(target.name)) return true;
    return false;
  };
  if (await served()) throw new Error('the new row is public before approval');

  const staff = toStaff(reviewer);
  const t0 = performance.now();
  decide(liveDb(), staff, { batchId, decision: 'approve', note: 'bench' }, null);
  let seconds = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const job = liveDb().$client.prepare('SELECT status, error FROM publish_jobs ORDER BY id DESC LIMIT 1').get() as { status: string; error: string | null };
    if (job.status === 'failed') throw new Error(`publish failed: ${job.error}`);
    if (job.status === 'done' && (await served())) {
      seconds = (performance.now() - t0) / 1000;
      break;
    }
    if (performance.now() - t0 > 900_000) throw new Error('publish did not finish in 15 minutes');
  }
  stop = true;
  await Promise.all(visitors);
  await new Promise((r) => server.close(() => r(null)));
  closeLiveDb();
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(`approve → new rows served: ${seconds.toFixed(1)} s (goal < 60 s; baseline full build ${baseline.toFixed(1)} s)`);
  console.log(`visitor requests during the publish: ${requests.toLocaleString('en')}, failed: ${failed}`);
  console.log(JSON.stringify({ bench: 'publish', rows, seconds: round(seconds), failed_requests: failed, requests, baseline_build_seconds: round(baseline), pages: first.pages, payments }));
  return 0;
}
