// `gongkai bench inquiries`: load on loopback with autocannon — submissions (POST
// /api/inquiries) and status reads (GET /api/inquiries/<n>) against the real server
// (`gongkai serve`, production settings), and in the same run submissions against a bare
// node:http handler doing the same SQLite insert (bench-baseline.ts). Then every
// acknowledged (201) tracking number is looked up in the database: lost must be 0.
// The one setting changed: the per-client rate limit is raised, since all load comes from
// one address (GONGKAI_INQUIRY_RATE, printed below).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDb, openMigrated, ROOT } from '../db/client.ts';
import { currentBuild } from '../publish/paths.ts';

const RATE = '100000000/1';
const BODY = JSON.stringify({ category: 'consult', department: 'unsure', subject: '低保怎么申请', body: '请问城乡居民最低生活保障的申请条件和流程是什么？需要准备哪些材料？' });

interface Child {
  url: string;
  proc: ChildProcess;
}

function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Child> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const on = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ url: m[1]!.startsWith('http') ? m[1]! : `http://127.0.0.1:${m[1]}`, proc });
    };
    proc.stdout.on('data', on);
    proc.stderr.on('data', on);
    proc.once('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
  });
}

async function stop(c: Child): Promise<void> {
  const done = new Promise((r) => c.proc.once('exit', r));
  c.proc.kill('SIGTERM');
  await done;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

async function load(opts: autocannon.Options & { amount?: number }, onBody?: (status: number, body: string) => void): Promise<Run> {
  const requests = onBody ? [{ ...(opts.requests?.[0] ?? {}), onResponse: (status: number, body: string) => onBody(status, body) }] : opts.requests;
  const r = await autocannon({ ...opts, ...(requests ? { requests } : {}) });
  // Rate over the run's real length: autocannon's per-second average rounds short runs.
  const seconds = (r.finish.getTime() - r.start.getTime()) / 1000;
  return { rps: (r['2xx'] + r.non2xx) / seconds, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors };
}

const fmt = (r: Run) => `${Math.round(r.rps).toLocaleString('en')} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (2xx ${r.ok}, other ${r.non2xx}, errors ${r.errors})`;

/** Run the benchmark; prints figures and, last, one JSON line. */
export async function benchInquiries(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { amount: { type: 'string', default: '15000' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '100' } },
  });
  // Submissions run a fixed number of requests, so every one is answered before the count
  // (acknowledged = stored exactly); status reads run for a duration.
  const amount = Number(values.amount);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  mkdirSync(join(ROOT, 'data', 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'data', 'tmp', 'bench-inquiries-'));
  const ours = join(dir, 'ours.db');
  const bare = join(dir, 'bare.db');
  openMigrated(ours).$client.close();
  openMigrated(bare).$client.close();
  console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${connections} connections; ${amount} submissions per run, reads for ${duration} s; loopback; server: gongkai serve with GONGKAI_INQUIRY_RATE=${RATE} (raised: all load comes from one address)`);
  const common = { connections, amount, method: 'POST' as const, body: BODY, headers: { 'content-type': 'application/json' } };
  const warmup = { amount: Math.min(amount, 3000) };

  let result: Record<string, number | string>;
  try {
    // Baseline: the bare handler, measured before and after ours (other work on the
    // machine moves both; the two runs are averaged).
    const b = await start([join(ROOT, 'src/inquiries/bench-baseline.ts'), bare], {}, /listening (\d+)/);
    await load({ ...common, ...warmup, url: b.url });
    const base1 = await load({ ...common, url: b.url });
    console.log(`bare node:http + insert   ${fmt(base1)}`);

    // Ours: the real server.
    const s = await start([join(ROOT, 'src/cli/main.ts'), 'serve'], { GONGKAI_DB: ours, PORT: '0', HOST: '127.0.0.1', GONGKAI_INQUIRY_RATE: RATE, NODE_ENV: 'production' }, /serving (http:\/\/[\d.]+:\d+)/);
    const headers = { ...common.headers, origin: s.url };
    const acked: string[] = [];
    await load({ ...common, ...warmup, headers, url: `${s.url}/api/inquiries` });
    const warm = openDb(ours, { readonly: true });
    const warmStored = warm.$client.prepare('SELECT count(*) FROM inquiries').pluck().get() as number;
    warm.$client.close();
    const sub = await load({ ...common, headers, url: `${s.url}/api/inquiries` }, (st, body) => st === 201 && acked.push((JSON.parse(body) as { trackingNo: string }).trackingNo));
    console.log(`ours: submissions         ${fmt(sub)}`);

    // Status reads of one acknowledged item, with its code (what a citizen's page does).
    const one = await fetch(`${s.url}/api/inquiries`, { method: 'POST', body: BODY, headers });
    const receipt = (await one.json()) as { trackingNo: string; code: string };
    const read = await load({ connections, duration, url: `${s.url}/api/inquiries/${receipt.trackingNo}`, headers: { 'x-inquiry-code': receipt.code } });
    console.log(`ours: status reads        ${fmt(read)}`);

    // For comparison only: the same submission through Astro's handler (the no-JavaScript
    // form, POST → 303), which is why the JSON API sits in a hook ahead of Astro.
    let astro: Run | null = null;
    const astroStart = new Date().toISOString();
    if (currentBuild()) {
      let seeOther = 0;
      const form = new URLSearchParams(JSON.parse(BODY) as Record<string, string>).toString();
      astro = await load(
        { connections, amount: Math.min(amount, 5000), method: 'POST', body: form, url: `${s.url}/inquiries/new/`, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: s.url } },
        (st) => void (st === 303 && seeOther++),
      );
      console.log(`ours: the same via Astro  ${fmt(astro)} — ${seeOther} answered 303 (form path, for comparison)`);
    }
    await stop(s);
    const base2 = await load({ ...common, url: b.url });
    console.log(`bare node:http + insert   ${fmt(base2)}`);
    await stop(b);
    const base: Run = { rps: (base1.rps + base2.rps) / 2, p50: (base1.p50 + base2.p50) / 2, p99: (base1.p99 + base2.p99) / 2, ok: base1.ok + base2.ok, non2xx: base1.non2xx + base2.non2xx, errors: base1.errors + base2.errors };

    const db = openDb(ours, { readonly: true });
    // Submissions made through the Astro form run are not part of the measured API run.
    const astroStored = astro ? (db.$client.prepare(`SELECT count(*) FROM inquiries WHERE received_at >= ?`).pluck().get(astroStart) as number) : 0;
    const has = db.$client.prepare('SELECT 1 FROM inquiries WHERE tracking_no = ?').pluck();
    const lost = acked.filter((n) => has.get(n) === undefined).length;
    const storedTotal = db.$client.prepare('SELECT count(*) FROM inquiries').pluck().get() as number;
    db.$client.close();
    // Stored in the measured run: everything minus the warm-up's and the one read target.
    const stored = storedTotal - warmStored - 1 - (astro ? astroStored : 0);
    const ratio = sub.rps / base.rps;
    console.log(`ratio (ours ÷ bare): ${ratio.toFixed(2)}   acknowledged ${acked.length}, stored ${stored}, lost ${lost}`);
    console.log(`goals: ratio ≥ 0.5 ${ratio >= 0.5 ? 'met' : 'NOT met'}; p99 < 50 ms ${sub.p99 < 50 ? 'met' : 'NOT met'}; lost 0 ${lost === 0 ? 'met' : 'NOT met'}`);
    console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    result = {
      bench: 'inquiries',
      rps: Math.round(sub.rps),
      p50_ms: sub.p50,
      p99_ms: sub.p99,
      baseline_rps: Math.round(base.rps),
      ratio: Math.round(ratio * 100) / 100,
      acknowledged: acked.length,
      stored,
      lost,
      read_rps: Math.round(read.rps),
      ...(astro ? { astro_form_rps: Math.round(astro.rps), astro_form_p99_ms: astro.p99 } : {}),
      read_p99_ms: read.p99,
      connections,
      load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  return 0;
}
