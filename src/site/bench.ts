// `gongkai bench build`: build the public site for the seed-scale county (generated once and
// kept under data/tmp/bench-build/) and, in the same run, a bare Astro project rendering
// the same number of trivial pages — before and after ours, rates averaged, since other
// work on the machine moves both. Prints pages, seconds, pages/s and the ratio (bare ÷ ours).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openMigrated, ROOT } from '../db/client.ts';
import { generateCounty } from '../generate/generate.ts';
import { importFiles } from '../import/run.ts';
import { buildSite } from '../publish/build.ts';

const BARE_CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static', outDir: process.env.BARE_OUT, build: { format: 'directory' }, devToolbar: { enabled: false } });
`;
const BARE_PAGE = `---
export function getStaticPaths() {
  return Array.from({ length: Number(process.env.BARE_PAGES) }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><h1>Page {n}</h1><p>Page {n} of a bare Astro project.</p></body></html>
`;

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The seed county in its own database, generated and loaded on first use. */
async function seedDb(dir: string, fresh: boolean): Promise<string> {
  const path = join(dir, 'seed.db');
  if (existsSync(path) && !fresh) return path;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const csv = join(dir, 'csv');
  rmSync(csv, { recursive: true, force: true });
  console.log('generating the seed county …');
  const manifest = generateCounty({ scale: 'seed', out: csv });
  console.log('loading it …');
  const db = openMigrated(path);
  const files = Object.values(manifest.files).map((p) => ({ path: p }));
  const result = await importFiles(db, files, { user: 'bench', idKey: new Uint8Array(32).fill(3) });
  db.$client.close();
  if (!result.ok) throw new Error('the seed county did not load');
  rmSync(csv, { recursive: true, force: true });
  return path;
}

/** Build the bare project with `pages` trivial pages; seconds from spawn to exit. */
function bareBuild(dir: string, pages: number): Promise<number> {
  const project = join(dir, 'bare');
  mkdirSync(join(project, 'src/pages'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"name":"bare","private":true,"type":"module"}\n');
  writeFileSync(join(project, 'astro.config.mjs'), BARE_CONFIG);
  writeFileSync(join(project, 'src/pages/[n].astro'), BARE_PAGE);
  if (!existsSync(join(project, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const out = join(dir, 'bare-out');
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: project,
      env: { ...process.env, BARE_OUT: out, BARE_PAGES: String(pages), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bare astro build failed (exit ${code})`));
      const built = readdirSync(out).length;
      rmSync(out, { recursive: true, force: true });
      if (built < pages) return reject(new Error(`bare build wrote ${built} pages, expected ${pages}`));
      resolve((performance.now() - started) / 1000);
    });
  });
}

/** Entry point of `gongkai bench build`. */
export async function benchBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { fresh: { type: 'boolean' }, db: { type: 'string' }, keep: { type: 'boolean' } } });
  const dir = join(ROOT, 'data/tmp/bench-build');
  mkdirSync(dir, { recursive: true });
  const db = values.db ?? (await seedDb(dir, values.fresh ?? false));
  process.env.GONGKAI_DB = db;
  process.env.GONGKAI_SITE_DIR = join(dir, 'site');
  rmSync(join(dir, 'site'), { recursive: true, force: true });

  // A bare build before ours (with last run's page count) and one after (with this run's):
  // other work on the machine then weighs on both sides alike.
  const lastFile = join(dir, 'last-pages');
  const guess = existsSync(lastFile) ? Number(readFileSync(lastFile, 'utf8')) || 8000 : 8000;
  console.log(`bare Astro project, ${guess} trivial pages …`);
  const bareRuns: { pages: number; seconds: number }[] = [{ pages: guess, seconds: await bareBuild(dir, guess) }];

  console.log('building the site …');
  const steps: Record<string, number> = {};
  const ours = await buildSite({
    swap: false,
    log: (m) => {
      console.log(m);
      const step = /✓ (.+) \(([\d.]+) s\)/.exec(m);
      if (step) steps[step[1] as string] = Number(step[2]);
    },
  });
  if (!values.keep) rmSync(join(dir, 'site'), { recursive: true, force: true });
  console.log(`built ${ours.pages} pages in ${ours.seconds.toFixed(1)} s`);

  writeFileSync(lastFile, String(ours.pages));
  console.log(`bare Astro project, ${ours.pages} trivial pages …`);
  bareRuns.push({ pages: ours.pages, seconds: await bareBuild(dir, ours.pages) });
  const baselinePerS = bareRuns.reduce((s, r) => s + r.pages / r.seconds, 0) / bareRuns.length;
  const bareSeconds = ours.pages / baselinePerS;
  const astroSeconds = steps['astro build'] ?? ours.seconds;
  const pagesPerS = ours.pages / ours.seconds;
  const result = {
    bench: 'build',
    pages: ours.pages,
    seconds: round(ours.seconds),
    pages_per_s: round(pagesPerS),
    baseline_pages_per_s: round(baselinePerS),
    ratio: round(baselinePerS / pagesPerS, 2),
    // Like for like: our `astro build` step alone against the bare `astro build`.
    astro_seconds: round(astroSeconds),
    astro_ratio: round(astroSeconds / bareSeconds, 2),
    baseline_runs: bareRuns.map((r) => ({ pages: r.pages, seconds: round(r.seconds) })),
    steps,
  };
  console.log(JSON.stringify(result));
  return 0;
}
