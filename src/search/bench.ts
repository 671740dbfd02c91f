// Search benchmark on a synthetic county at the seed's scale: shard build time and peak
// memory, sizes, bytes before the first result in a village, load and query times (Node).
// `./gongkai bench search --synthetic` runs it; the default bench (bench-county.ts) reads
// the seed county's database instead and adds Pagefind and browser timings.
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { buildSearchShards, type WrittenFile } from './build.ts';
import { openVillage, type VillageSearch } from './client.ts';
import { nameReadings } from './pinyin.ts';
import { scanForPrivacyLeaks, type PrivateName } from './privacy-scan.ts';
import { privateNamesOf, prng, syntheticAreas, syntheticFunds, syntheticSideData, syntheticVillages, type SyntheticOptions } from './synthetic.ts';
import type { VillageIndexFile, VillageStoreFile } from './types.ts';

export interface BenchSearchOptions extends SyntheticOptions {
  /** where the shards go (deleted afterwards unless `keep`) */
  outDir?: string;
  keep?: boolean;
  /** villages to load and query (spread over the county) */
  sampleVillages?: number;
  /** run the privacy scan over every file written */
  scan?: boolean;
  log?: (line: string) => void;
}

/** The figures printed, and returned for the caller (the `bench` command adds Pagefind's). */
export interface SearchBenchFigures {
  bench: 'search';
  households: number;
  payments: number;
  first_query_bytes: number;
  first_query_bytes_max: number;
  pagefind_first_query_bytes: number | null;
  query_ms_p50: number;
  query_ms_p95: number;
  load_ms_p50: number;
  shard_build_seconds: number;
  peak_rss_mb: number;
  total_gz_bytes: number;
  village_gz_bytes_median: number;
  village_gz_bytes_max: number;
  privacy_leaks: number | null;
}

export interface Sample {
  code: string;
  /** [户号, full name] of a few households */
  people: [string, string][];
}

/** Builds the synthetic county's shards, measures them and prints the figures; last line is JSON. */
export async function benchSearch(opts: BenchSearchOptions = {}): Promise<SearchBenchFigures> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const outDir = opts.outDir ?? join('data', 'tmp', 'bench-search');
  await rm(outDir, { recursive: true, force: true });
  const side = syntheticSideData(opts);
  const sampleEvery = Math.max(1, Math.floor(((opts.townships ?? 20) * (opts.villagesPerTownship ?? 15)) / (opts.sampleVillages ?? 30)));
  const samples: Sample[] = [];
  const secrets: PrivateName[] = [];
  let households = 0;
  let payments = 0;
  let generatingMs = 0;
  const rssBefore = process.resourceUsage().maxRSS;

  // Input is generated lazily inside the build loop; its time is measured and taken out.
  const villages = function* () {
    const gen = syntheticVillages(opts);
    for (let n = 0; ; n++) {
      const t = performance.now();
      const next = gen.next();
      generatingMs += performance.now() - t;
      if (next.done) return;
      const v = next.value;
      households += v.input.households.length;
      for (const h of v.input.households) payments += h.payments.length;
      if (opts.scan !== false) secrets.push(...privateNamesOf(v));
      if (n % sampleEvery === 0) samples.push({ code: v.input.village.code, people: pickPeople(v.fullNames, n) });
      yield v.input;
    }
  };
  const t0 = performance.now();
  const report = await buildSearchShards({
    outDir,
    townships: syntheticAreas(opts),
    funds: syntheticFunds(),
    villages: villages(),
    projects: side.projects,
    budgetUnits: [{ code: '101001', name: '县财政局' }],
    institutions: side.institutions,
    staff: side.staff,
  });
  const buildSeconds = (performance.now() - t0 - generatingMs) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  log(`county: ${report.villages} villages, ${households} households, ${payments} payments (synthetic, seed ${opts.seed ?? 1})`);
  log(`build: ${buildSeconds.toFixed(1)} s (plus ${(generatingMs / 1000).toFixed(1)} s generating input), peak RSS ${peakRssMb.toFixed(0)} MB (${(rssBefore / 1024).toFixed(0)} MB before)`);

  const byPath = new Map(report.files.map((f) => [f.path, f]));
  const villageGz = samplesOfVillages(report.files);
  const total = report.files.reduce((s, f) => ({ raw: s.raw + f.bytes, gz: s.gz + f.gzBytes }), { raw: 0, gz: 0 });
  log(`size: ${mb(total.raw)} MB raw, ${mb(total.gz)} MB gzip in ${report.files.length * 2} files`);
  log(`village (index + store, gzip): median ${kb(median(villageGz))} KB, max ${kb(Math.max(...villageGz))} KB`);
  for (const k of ['locator', 'projects', 'funds', 'units', 'institutions', 'staff']) {
    const f = byPath.get(`${k}.json`);
    if (f) log(`  ${k}.json: ${kb(f.gzBytes)} KB gzip (${kb(f.bytes)} KB raw)`);
  }

  const code = await pageCodeGzBytes();
  const locatorGz = byPath.get('locator.json')?.gzBytes ?? 0;
  const firstQuery = code.total + locatorGz + median(villageGz);
  const firstQueryMax = code.total + locatorGz + Math.max(...villageGz);
  log(`first query in a village: ${kb(firstQuery)} KB median, ${kb(firstQueryMax)} KB max (page code ${kb(code.total)} KB of which lunr ${kb(code.lunr)} KB, locator ${kb(locatorGz)} KB, village files)`);

  const { loadMs, queryMs, byKind } = await timeQueries(outDir, samples);
  log(`load (gunzip + parse + assemble index), ${samples.length} villages: p50 ${loadMs.p50.toFixed(1)} ms, max ${loadMs.max.toFixed(1)} ms`);
  log(`query, ${queryMs.n} queries: p50 ${queryMs.p50.toFixed(2)} ms, p95 ${queryMs.p95.toFixed(2)} ms, max ${queryMs.max.toFixed(2)} ms`);
  for (const [kind, t] of byKind) log(`  ${kind.padEnd(16)} p50 ${t.p50.toFixed(2)} ms, max ${t.max.toFixed(2)} ms, recall ${(t.recall * 100).toFixed(1)}%`);

  let leaks: number | null = null;
  if (opts.scan !== false) {
    const ts = performance.now();
    const files = report.files.flatMap((f) => [join(outDir, f.path), join(outDir, `${f.path}.gz`)]);
    leaks = (await scanForPrivacyLeaks(files, secrets)).length;
    log(`privacy scan: ${files.length} files, ${secrets.length} masked full names, ${leaks} leaks (${((performance.now() - ts) / 1000).toFixed(1)} s)`);
  }
  if (!opts.keep) await rm(outDir, { recursive: true, force: true });

  const figures: SearchBenchFigures = {
    bench: 'search',
    households,
    payments,
    first_query_bytes: firstQuery,
    first_query_bytes_max: firstQueryMax,
    pagefind_first_query_bytes: null,
    query_ms_p50: round(queryMs.p50),
    query_ms_p95: round(queryMs.p95),
    load_ms_p50: round(loadMs.p50),
    shard_build_seconds: round(buildSeconds),
    peak_rss_mb: Math.round(peakRssMb),
    total_gz_bytes: total.gz,
    village_gz_bytes_median: median(villageGz),
    village_gz_bytes_max: Math.max(...villageGz),
    privacy_leaks: leaks,
  };
  log(JSON.stringify(figures));
  return figures;
}

/** A few households of a village to look up: masked or not, a farmer types the full name. */
function pickPeople(fullNames: Map<string, string>, seed: number): [string, string][] {
  const all = [...fullNames];
  const rand = prng(seed + 99);
  return Array.from({ length: Math.min(20, all.length) }, () => all[Math.floor(rand() * all.length)]!);
}

export function samplesOfVillages(files: WrittenFile[]): number[] {
  const gz = new Map<string, number>();
  for (const f of files) {
    const m = /^villages\/(\d+)\./.exec(f.path);
    if (m) gz.set(m[1]!, (gz.get(m[1]!) ?? 0) + f.gzBytes);
  }
  return [...gz.values()];
}

/** gzip bytes of the page's search code: client.ts bundled and minified, lunr included. */
export async function pageCodeGzBytes(): Promise<{ total: number; lunr: number }> {
  const out = await esbuild({
    entryPoints: [new URL('./client.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome73',
    write: false,
    logLevel: 'silent',
  });
  const lunrMin = await readFile(createRequire(import.meta.url).resolve('lunr/lunr.min.js'));
  return { total: gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length, lunr: gzipSync(lunrMin, { level: 9 }).length };
}

export type Stats = { p50: number; p95: number; max: number; n: number };

export async function timeQueries(outDir: string, samples: Sample[]): Promise<{ loadMs: Stats; queryMs: Stats; byKind: Map<string, Stats & { recall: number }> }> {
  const loads: number[] = [];
  const all: number[] = [];
  const kinds = new Map<string, { ms: number[]; hits: number }>();
  for (const s of samples) {
    const [idxGz, storeGz] = await Promise.all([
      readFile(join(outDir, 'villages', `${s.code}.idx.json.gz`)),
      readFile(join(outDir, 'villages', `${s.code}.store.json.gz`)),
    ]);
    const t = performance.now();
    const village: VillageSearch = openVillage(
      JSON.parse(gunzipSync(idxGz).toString('utf8')) as VillageIndexFile,
      JSON.parse(gunzipSync(storeGz).toString('utf8')) as VillageStoreFile,
    );
    loads.push(performance.now() - t);
    for (const [householdNo, name] of s.people) {
      const queries = nameQueries(name);
      for (const [kind, q] of queries) {
        const tq = performance.now();
        const hits = village.search(q, 1000);
        const ms = performance.now() - tq;
        all.push(ms);
        const k = kinds.get(kind) ?? { ms: [], hits: 0 };
        k.ms.push(ms);
        if (hits.some((h) => h.householdNo === householdNo)) k.hits++;
        kinds.set(kind, k);
      }
    }
  }
  const byKind = new Map([...kinds].map(([k, v]) => [k, { ...stats(v.ms), recall: v.hits / v.ms.length }]));
  return { loadMs: stats(loads), queryMs: stats(all), byKind };
}

/** The ways a farmer types a name, by kind: characters, surname, and — when pinyin knows every character — full pinyin, initials, surname pinyin, one letter. */
export function nameQueries(name: string): [string, string][] {
  const chars = Array.from(name);
  const read = nameReadings(chars).map((r) => r[0] ?? '');
  const queries: [string, string][] = [
    ['full name', name],
    ['surname', chars[0]!],
  ];
  // A character pinyin does not know (𠇔) cannot be typed in pinyin.
  if (read.every((r) => r !== '')) {
    queries.push(
      ['full pinyin', read.join('')],
      ['initials', read.map((r) => r[0]).join('')],
      ['surname pinyin', read[0]!],
      ['one letter', read[0]![0]!],
    );
  }
  return queries;
}

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0, n: s.length };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const kb = (n: number): string => (n / 1024).toFixed(1);
export const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
export const round = (n: number): number => Math.round(n * 100) / 100;
