// `./gongkai bench search`: the search files of a real database (default data/seed.db, the
// seed-scale county: 882,804 payments) built exactly as the publish step builds them, then
// measured, with Pagefind indexing the same households' pages as the anchor in the same run.
//   build   shard build time and this process's peak RSS (bounded memory: one village at a time)
//   sizes   total gzip, per village (index + store)
//   bytes   first query in a village, counted by Chromium (gzip bytes on the wire), ours and Pagefind's
//   time    village chosen → first result, Chromium with 4× CPU throttling and DevTools' "Fast 3G"
//           numbers (562.5 ms per round trip, 1.44 Mbps down), made by the bench's server; the
//           figure at DevTools' "Slow 3G" (2 s, 400 kbps) is printed too
//   query   after load, in Chromium at 4× (p50 is the JSON's query_ms_p50), and in Node with recall
//   privacy the scan over every file written
// Pagefind gets one HTML page per ~300 payments of a village (as the site cuts village pages),
// holding what the site's village pages show of each household. The site itself is not built
// here (that is `bench build`); the pages are written by this bench from the same rows.
import { createServer, type Server } from 'node:http';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { dbPath, openDb, ROOT } from '../db/client.ts';
import { serveStatic } from '../server/static.ts';
import { benchSearch, kb, mb, median, nameQueries, pageCodeGzBytes, round, samplesOfVillages, stats, timeQueries, type Sample } from './bench.ts';
import { shownNameOf } from './household-doc.ts';
import { scanForPrivacyLeaks } from './privacy-scan.ts';
import { buildSearchFiles } from './publish.ts';
import { privateNamesFromDb, searchInputFromDb } from './sources.ts';
import type { LocatorFile, VillageIndexFile } from './types.ts';

/** DevTools' network presets (its own numbers, throughput in bytes/s). */
const NETWORKS = {
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6 * 1e6 * 0.9) / 8, uploadThroughput: (750 * 1e3 * 0.9) / 8 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500 * 1e3 * 0.8) / 8, uploadThroughput: (500 * 1e3 * 0.8) / 8 },
} as const;
const CPU_THROTTLE = 4;
const PAGE_PAYMENTS = 300;

/** `./gongkai bench search [--db FILE] [--synthetic] [--villages N] [--no-pagefind] [--keep]` */
export async function benchSearchCommand(args: string[]): Promise<number> {
  if (args.includes('--synthetic')) {
    await benchSearch({});
    return 0;
  }
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const db = flag('--db') ?? process.env.GONGKAI_DB ?? 'data/seed.db';
  process.env.GONGKAI_DB = resolve(ROOT, db);
  const figures = await benchCounty({
    sampleVillages: Number(flag('--villages') ?? 12),
    pagefind: !args.includes('--no-pagefind'),
    keep: args.includes('--keep') || args.includes('--reuse'),
    reuse: args.includes('--reuse'),
  });
  return figures.privacy_leaks === 0 ? 0 : 1;
}

interface CountyOptions {
  sampleVillages: number;
  pagefind: boolean;
  keep: boolean;
  /** development only: take shards and Pagefind's index from a run kept with --keep, measure the rest */
  reuse?: boolean;
  log?: (line: string) => void;
}

async function benchCounty(opts: CountyOptions) {
  const log = opts.log ?? ((l: string) => console.log(l));
  const work = join(ROOT, 'data', 'tmp', 'bench-search');
  const client = join(work, 'client');
  if (!opts.reuse) await rm(work, { recursive: true, force: true });
  const db = openDb(dbPath(), { readonly: true });
  const counts = db.$client.prepare('SELECT (SELECT count(*) FROM disbursements), (SELECT count(*) FROM recipients)').raw().get() as [number, number];
  log(`database: ${dbPath()} — ${counts[0].toLocaleString('en')} payments, ${counts[1].toLocaleString('en')} recipients`);
  log(`load average at start: ${loadavg()}`);

  // ---- build, exactly as the publish step does ------------------------------------------
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const report = opts.reuse ? await reusedReport(work) : await buildSearchFiles(db, work);
  const buildSeconds = (performance.now() - t0) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const outDir = join(client, 'search');
  log(`shard build: ${buildSeconds.toFixed(1)} s, ${report.villages} villages, ${report.documents.toLocaleString('en')} households; peak RSS ${peakRssMb.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before)`);
  const villageGz = samplesOfVillages(report.files);
  const total = report.files.reduce((s, f) => ({ raw: s.raw + f.bytes, gz: s.gz + f.gzBytes }), { raw: 0, gz: 0 });
  log(`size: ${mb(total.raw)} MB raw, ${mb(total.gz)} MB gzip in ${report.files.length * 2} files`);
  log(`village (index + store, gzip): median ${kb(median(villageGz))} KB, max ${kb(Math.max(...villageGz))} KB`);
  for (const f of report.files.filter((f) => !f.path.startsWith('villages/'))) log(`  ${f.path}: ${kb(f.gzBytes)} KB gzip`);
  const code = await pageCodeGzBytes();
  log(`page search code (client.ts + lunr, minified, gzip): ${kb(code.total)} KB, of which lunr ${kb(code.lunr)} KB`);

  // ---- samples: villages spread over the county, a few named households each ------------
  const locator = JSON.parse(await readFile(join(outDir, 'locator.json'), 'utf8')) as LocatorFile;
  const allVillages = locator.townships.flatMap(([, tname, , vs]) => vs.map((v) => ({ code: v[0], name: v[1], township: tname, households: v[3] })));
  const step = Math.max(1, Math.floor(allVillages.length / opts.sampleVillages));
  const chosen = allVillages.filter((_, i) => i % step === 0).slice(0, opts.sampleVillages);
  const people = db.$client.prepare(
    `SELECT r.household_no, rn.full_name, r.name_masked FROM recipients r JOIN recipient_names rn ON rn.recipient_id = r.id
       JOIN villages v ON v.id = r.village_id WHERE v.code = ? ORDER BY r.id % 7919, r.id LIMIT 20`,
  );
  const samples: (Sample & { shown: string[] })[] = [];
  for (const v of chosen) {
    const rows = people.raw().all(v.code) as [string, string, string][];
    // The name as the village's files and pages show it (full for an all-全名 household, else masked).
    const idx = JSON.parse(await readFile(join(outDir, 'villages', `${v.code}.idx.json`), 'utf8')) as VillageIndexFile;
    const shownByNo = new Map(idx.rows.map((r) => [r[1], r[0]]));
    samples.push({ code: v.code, people: rows.map(([no, name]) => [no, name]), shown: rows.map(([no, , masked]) => shownByNo.get(no) ?? masked) });
  }

  const node = await timeQueries(outDir, samples);
  log(`Node: load p50 ${node.loadMs.p50.toFixed(1)} ms; query p50 ${node.queryMs.p50.toFixed(2)} ms, p95 ${node.queryMs.p95.toFixed(2)} ms (${node.queryMs.n} queries)`);
  for (const [kind, t] of node.byKind) log(`  ${kind.padEnd(16)} p50 ${t.p50.toFixed(2)} ms, recall ${(t.recall * 100).toFixed(1)}%`);

  // ---- privacy ---------------------------------------------------------------------------
  const ts = performance.now();
  const secrets = privateNamesFromDb(db);
  const files = report.files.flatMap((f) => [join(outDir, f.path), join(outDir, `${f.path}.gz`)]);
  const leaks = await scanForPrivacyLeaks(files, secrets);
  log(`privacy scan: ${files.length} files, ${secrets.length.toLocaleString('en')} masked full names, ${leaks.length} leaks (${((performance.now() - ts) / 1000).toFixed(1)} s)`);
  for (const l of leaks.slice(0, 5)) log(`  LEAK ${l.problem} in ${l.file}: ${l.detail}`);

  // ---- Pagefind over the same households' pages ----------------------------------------
  let pagefind: { seconds: number; pages: number; bytes: number } | null = null;
  if (opts.pagefind && !opts.reuse) pagefind = await buildPagefind(db, client, log);
  db.$client.close();

  // ---- Chromium: bytes and time to first result, queries at 4× -------------------------
  await writeHarness(client);
  const browser = await measureInBrowser(client, chosen, samples, opts.pagefind, log);

  const figures = {
    bench: 'search' as const,
    payments: counts[0],
    households: report.documents,
    first_query_bytes: browser.oursBytes,
    pagefind_first_query_bytes: browser.pagefindBytes,
    first_result_ms_p50: browser.oursFirstMs,
    pagefind_first_result_ms_p50: browser.pagefindFirstMs,
    first_result_ms_slow3g_p50: browser.oursSlowMs,
    query_ms_p50: browser.queryMs.p50,
    query_ms_p95: browser.queryMs.p95,
    node_query_ms_p50: round(node.queryMs.p50),
    shard_build_seconds: round(buildSeconds),
    peak_rss_mb: Math.round(peakRssMb),
    total_gz_bytes: total.gz,
    village_gz_bytes_median: median(villageGz),
    village_gz_bytes_max: Math.max(...villageGz),
    pagefind_index_seconds: pagefind ? round(pagefind.seconds) : null,
    privacy_leaks: leaks.length,
    load_average: loadavg(),
  };
  if (!opts.keep) await rm(work, { recursive: true, force: true });
  log(`load average at end: ${loadavg()}`);
  log(JSON.stringify(figures));
  return figures;
}

/** The files a kept run wrote, as buildSearchFiles would report them (for --reuse). */
async function reusedReport(work: string): Promise<import('./build.ts').SearchBuildReport> {
  const dir = join(work, 'client', 'search');
  const files: import('./build.ts').WrittenFile[] = [];
  for (const f of (await readdir(dir, { recursive: true })) as string[]) {
    if (!f.endsWith('.json')) continue;
    files.push({ path: f, bytes: (await stat(join(dir, f))).size, gzBytes: (await stat(join(dir, `${f}.gz`))).size, rev: '' });
  }
  const villages = files.filter((f) => f.path.endsWith('.idx.json')).length;
  return { files, villages, documents: 0 };
}

function loadavg(): string {
  try {
    return (process.getBuiltinModule?.('node:os') as typeof import('node:os')).loadavg().map((n) => n.toFixed(2)).join(' ');
  } catch {
    return '';
  }
}

/** One HTML page per ~300 payments of each village (the site's cut), then Pagefind's index of them. */
async function buildPagefind(db: ReturnType<typeof openDb>, client: string, log: (l: string) => void) {
  const pagesDir = join(client, 'pf');
  const input = searchInputFromDb(db);
  const funds = new Map(input.funds.map((f) => [f.code, f]));
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let pages = 0;
  const tw = new Map(input.townships.map((t) => [t.code, t.name]));
  for (const v of input.villages as Iterable<import('./types.ts').VillageShardInput>) {
    let chunk: string[] = [];
    let count = 0;
    let n = 0;
    const flush = async (): Promise<void> => {
      n++;
      const dir = join(pagesDir, v.village.code, String(n));
      await mkdir(dir, { recursive: true });
      const title = `${tw.get(v.village.townshipCode) ?? ''} ${v.village.name} 各户领取资金明细 第${n}页`;
      await writeFile(
        join(dir, 'index.html'),
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main data-pagefind-body><h1>${esc(title)}</h1><p>村代码 <span data-pagefind-filter="village">${v.village.code}</span></p><table><thead><tr><th>户号</th><th>姓名</th><th>身份证号</th><th>资金</th><th>金额（元）</th><th>发放日期</th></tr></thead><tbody>${chunk.join('')}</tbody></table></main></body></html>`,
      );
      pages++;
      chunk = [];
      count = 0;
    };
    for (const h of v.households) {
      const name = esc(shownNameOf(h, funds));
      for (const p of h.payments) {
        chunk.push(`<tr><td>${esc(h.householdNo)}</td><td>${name}</td><td>430524********${esc(h.idLast4)}</td><td>${esc(funds.get(p.fundCode)?.name ?? '')}</td><td>${(p.amountFen / 100).toFixed(2)}</td><td>${p.paidOn}</td></tr>`);
      }
      count += h.payments.length;
      if (count >= PAGE_PAYMENTS) await flush();
    }
    if (chunk.length > 0) await flush();
  }
  const t0 = performance.now();
  const pf = await import('pagefind');
  const { index, errors } = await pf.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: pagesDir });
  await index.writeFiles({ outputPath: join(client, 'pagefind') });
  await pf.close();
  const seconds = (performance.now() - t0) / 1000;
  // Pagefind's own .pf_* and .pagefind files are gzip inside; its JS and JSON get .gz twins
  // like every other static file of a publish.
  let bytes = 0;
  for (const f of await readdir(join(client, 'pagefind'), { recursive: true })) {
    const p = join(client, 'pagefind', f);
    const s = await stat(p);
    if (!s.isFile()) continue;
    bytes += s.size;
    if (/\.(js|json|css)$/.test(f)) await writeFile(`${p}.gz`, gzipSync(await readFile(p), { level: 6 }));
  }
  log(`pagefind ${pf ? '1.6' : ''}: ${pages} pages (${added.page_count} indexed) in ${seconds.toFixed(1)} s, ${mb(bytes)} MB`);
  return { seconds, pages, bytes };
}

/** Two tiny pages: ours (the page's search client, as the kiosk loads it) and Pagefind's own JS API. */
async function writeHarness(client: string): Promise<void> {
  const dir = join(client, 'bench');
  await mkdir(dir, { recursive: true });
  await esbuild({
    entryPoints: [new URL('./bench-driver.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome73',
    outfile: join(dir, 'ours.js'),
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'ours.js.gz'), gzipSync(await readFile(join(dir, 'ours.js')), { level: 9 }));
  await writeFile(join(dir, 'ours.html'), `<!doctype html><meta charset="utf-8"><ul id="out"></ul><script type="module" src="/bench/ours.js"></script>`);
  await writeFile(
    join(dir, 'pagefind.html'),
    `<!doctype html><meta charset="utf-8"><ul id="out"></ul><script type="module">
window.pf = {
  async init() { window.pagefind = await import('/pagefind/pagefind.js'); await window.pagefind.init(); },
  async first(q, village) {
    const t0 = performance.now();
    try {
    let r = await window.pagefind.search(q, { filters: { village } });
    // Pagefind's segmentation does not match a mask like 黄*莲 on a page of 300 rows (it did
    // on a page of 2): then ask for the surname, which does match, and open its first result.
    if (r.results.length === 0 && q.length > 1) r = await window.pagefind.search(q[0], { filters: { village } });
    const d = r.results.length ? await r.results[0].data() : null;
    const li = document.createElement('li'); li.textContent = d ? d.url : ''; document.getElementById('out').append(li);
    return { ms: performance.now() - t0, hits: r.results.length };
    } catch (e) { return { ms: NaN, hits: -1, error: String(e) }; }
  },
};
</script>`,
  );
}

type Network = (typeof NETWORKS)[keyof typeof NETWORKS];

/**
 * The bench's static server (the project's own static file handler, .gz twins and all),
 * with the slow network made here rather than by DevTools emulation: Pagefind 1.6 fetches
 * from a Web Worker, whose requests a page's emulated network conditions do not slow down.
 * Each response waits one round trip, then its bytes are paced at the profile's throughput.
 */
function startServer(root: string): Promise<{ server: Server; url: string; use(n: Network | null): void }> {
  let network: Network | null = null;
  const server = createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const profile = network;
    if (profile) {
      res.write = ((chunk: unknown) => {
        chunks.push(Buffer.from(chunk as Uint8Array));
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: unknown) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array));
        const body = Buffer.concat(chunks);
        const wait = profile.latency + (body.length / profile.downloadThroughput) * 1000 - (performance.now() - started);
        setTimeout(() => {
          if (body.length) write(body);
          end();
        }, Math.max(0, wait));
        return res;
      }) as typeof res.end;
    }
    serveStatic(req, res, root).then((done) => {
      if (!done) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, use: (n) => void (network = n) }),
    ),
  );
}

async function measureInBrowser(
  client: string,
  villages: { code: string; name: string; township: string }[],
  samples: (Sample & { shown: string[] })[],
  withPagefind: boolean,
  log: (l: string) => void,
) {
  const { chromium } = await import('@playwright/test');
  const { server, url, use } = await startServer(client);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  /** One cold visit: fresh context (empty cache), 4× CPU, the network profile; bytes counted for page and workers alike. */
  const run = async (harness: 'ours' | 'pagefind', network: keyof typeof NETWORKS, fn: (page: import('@playwright/test').Page) => Promise<number>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    const sizes: Promise<number>[] = [];
    context.on('requestfinished', (r) => void sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    use(NETWORKS[network]);
    try {
      await page.goto(`${url}/bench/${harness}.html`);
      const ms = await fn(page);
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      return { bytes, ms };
    } finally {
      use(null);
      await context.close();
    }
  };
  const ours: { bytes: number; ms: number }[] = [];
  const oursSlow: number[] = [];
  const pf: { bytes: number; ms: number; hits: number }[] = [];
  const queryMs: number[] = [];
  for (const [i, v] of villages.entries()) {
    const s = samples[i]!;
    const name = s.people[0]?.[1] ?? '';
    ours.push(
      await run('ours', 'Fast 3G', async (page) => {
        await page.waitForFunction(() => 'bench' in window);
        await page.evaluate(() => (window as unknown as { bench: { init(): Promise<void> } }).bench.init());
        const r = await page.evaluate(([code, q]) => (window as unknown as { bench: { first(c: string, q: string): Promise<{ ms: number }> } }).bench.first(code!, q!), [v.code, name]);
        // After load: every sampled query of the village, at 4× CPU.
        const qs = s.people.flatMap(([, n]) => nameQueries(n).map(([, q]) => q));
        queryMs.push(...(await page.evaluate(([code, list]) => (window as unknown as { bench: { queries(c: string, q: string[]): Promise<number[]> } }).bench.queries(code as string, list as string[]), [v.code, qs] as const)));
        return r.ms;
      }),
    );
    oursSlow.push(
      (
        await run('ours', 'Slow 3G', async (page) => {
          await page.waitForFunction(() => 'bench' in window);
          await page.evaluate(() => (window as unknown as { bench: { init(): Promise<void> } }).bench.init());
          return (await page.evaluate(([code, q]) => (window as unknown as { bench: { first(c: string, q: string): Promise<{ ms: number }> } }).bench.first(code!, q!), [v.code, name])).ms;
        })
      ).ms,
    );
    if (withPagefind) {
      // What Pagefind can match: the name as the page shows it, filtered to the village
      // (a page filter: Pagefind ANDs words, and "村名 王*明" matched nothing in a trial).
      const q = s.shown[0] ?? '';
      let hits = 0;
      const r = await run('pagefind', 'Fast 3G', async (page) => {
        await page.waitForFunction(() => 'pf' in window);
        await page.evaluate(() => (window as unknown as { pf: { init(): Promise<void> } }).pf.init());
        const out = await page.evaluate(([query, code]) => (window as unknown as { pf: { first(q: string, v: string): Promise<{ ms: number; hits: number }> } }).pf.first(query!, code!), [q, v.code]);
        hits = out.hits;
        return out.ms;
      });
      pf.push({ ...r, hits });
    }
  }
  await browser.close();
  server.close();
  const med = (xs: number[]): number => Math.round(median(xs));
  const q = stats(queryMs);
  log(`Chromium, ${CPU_THROTTLE}× CPU, ${villages.length} villages, each a cold cache:`);
  log(`  ours: first query ${kb(med(ours.map((o) => o.bytes)))} KB median (max ${kb(Math.max(...ours.map((o) => o.bytes)))} KB) on the wire; village chosen → first result p50 ${med(ours.map((o) => o.ms))} ms (max ${Math.round(Math.max(...ours.map((o) => o.ms)))} ms) on Fast 3G, p50 ${med(oursSlow)} ms on Slow 3G`);
  log(`  ours: ${q.n} queries after load: p50 ${q.p50.toFixed(2)} ms, p95 ${q.p95.toFixed(2)} ms, max ${q.max.toFixed(2)} ms`);
  if (pf.length) {
    log(`  pagefind: first query ${kb(med(pf.map((o) => o.bytes)))} KB median (max ${kb(Math.max(...pf.map((o) => o.bytes)))} KB); search + first result p50 ${med(pf.map((o) => o.ms))} ms on Fast 3G; hits p50 ${med(pf.map((o) => o.hits))} pages`);
  }
  return {
    oursBytes: med(ours.map((o) => o.bytes)),
    oursFirstMs: med(ours.map((o) => o.ms)),
    oursSlowMs: med(oursSlow),
    pagefindBytes: pf.length ? med(pf.map((o) => o.bytes)) : null,
    pagefindFirstMs: pf.length ? med(pf.map((o) => o.ms)) : null,
    queryMs: { p50: round(q.p50), p95: round(q.p95) },
  };
}
