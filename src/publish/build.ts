// Building a new site directory from the database and making it the live one.
import { spawn } from 'node:child_process';
import { copyFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { dbPath, openMigrated, ROOT } from '../db/client.ts';
import { currentBuild, newBuildDir, pruneBuilds, swapCurrent } from './paths.ts';
import { PUBLISH_STEPS, type PublishContext } from './steps.ts';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|csv|txt)$/;

export interface BuildOptions {
  /** keep `current` as it is (benchmarks, CI checks of a build) */
  swap?: boolean;
  log?: (message: string) => void;
}

export interface BuildResult {
  dir: string;
  pages: number;
  seconds: number;
}

/** Run every publish step and `astro build` into a new directory; swap it live unless told not to. */
export async function buildSite(opts: BuildOptions = {}): Promise<BuildResult> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const started = performance.now();
  const dir = newBuildDir();
  const db = openMigrated();
  const ctx: PublishContext = { db, buildDir: dir, log };
  let pages: number;
  try {
    try {
      for (const step of PUBLISH_STEPS.filter((s) => s.when === 'before-build')) await runStep(step.name, () => step.run(ctx), log);
      await runStep('astro build', () => astroBuild(dir), log);
      for (const step of PUBLISH_STEPS.filter((s) => s.when === 'after-build')) await runStep(step.name, () => step.run(ctx), log);
    } finally {
      db.$client.close();
    }
    const live = currentBuild();
    pages = await runStep('gzip', () => precompress(join(dir, 'client'), live ? join(live, 'client') : null), log);
  } catch (err) {
    // A failed build leaves nothing behind: `current` was never touched, and a half-built
    // directory must not become the "previous build" a rollback would pick.
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  if (opts.swap !== false) {
    swapCurrent(dir);
    pruneBuilds();
  }
  return { dir, pages, seconds: (performance.now() - started) / 1000 };
}

async function runStep<T>(name: string, fn: () => Promise<T> | T, log: (m: string) => void): Promise<T> {
  const t = performance.now();
  const result = await fn();
  log(`  ✓ ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

/** `astro build` in a child process, so its memory is returned when it ends. */
function astroBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, GONGKAI_OUT_DIR: outDir, GONGKAI_DB: dbPath(), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    // Its errors still reach our stderr, and the last of them go into the error message,
    // so whoever waits for a publish (the back office) reads why it failed.
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code})${tail.trim() ? `: ${tail.trim()}` : ''}`))));
  });
}

/**
 * Write a .gz twin of every text file over 512 bytes; returns the number of HTML pages.
 * A file whose bytes equal the live build's copy reuses that build's twin (a publish
 * changes a share of the pages; compressing them all again took 97 s of a seed publish).
 */
async function precompress(root: string, previous: string | null = null): Promise<number> {
  let pages = 0;
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (COMPRESSIBLE.test(e.name)) {
        files.push(p);
        if (e.name.endsWith('.html')) pages++;
      }
    }
  };
  await walk(root);
  // A few at a time: zlib runs on libuv's thread pool.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const st = await stat(f);
      if (st.size < 512) continue;
      // A twin an earlier step wrote (open-data files, search shards) is kept if not older.
      const twin = await stat(`${f}.gz`).catch(() => null);
      if (twin && twin.mtimeMs >= st.mtimeMs) continue;
      if (previous && (await sameAsBefore(f, st.size, join(previous, relative(root, f))))) {
        try {
          await copyFile(join(previous, `${relative(root, f)}.gz`), `${f}.gz`);
          continue;
        } catch {
          // no twin there: compress below
        }
      }
      // Level 6: 2.8× faster than 9 on the seed build's 600 MB, files ~9% larger (issue 3 bench).
      await writeFile(`${f}.gz`, await gzipAsync(await readFile(f), { level: 6 }));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return pages;
}

/** Does `old` exist with exactly the bytes of `file` (size checked first, then contents)? */
async function sameAsBefore(file: string, size: number, old: string): Promise<boolean> {
  const st = await stat(old).catch(() => null);
  if (!st || st.size !== size) return false;
  const [a, b] = await Promise.all([readFile(file), readFile(old)]);
  return a.equals(b);
}
