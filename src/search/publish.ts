// The publish step (src/publish/steps.ts, after `astro build`): the search files of the
// new build, from the database, into <build>/client/search/, plus the kiosk's service
// worker at <build>/client/kiosk/sw.js (bundled here by esbuild so it can live at the
// kiosk's scope with no Astro/Vite hashing in its URL).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublishStep } from '../publish/steps.ts';
import { buildSearchShards, type SearchBuildReport } from './build.ts';
import { SEARCH_BASE } from './paths.ts';
import { searchInputFromDb } from './sources.ts';
import type { Db } from '../db/client.ts';

/** Builds every search file of the database into `<buildDir>/client/search/`. */
export async function buildSearchFiles(db: Db, buildDir: string): Promise<SearchBuildReport> {
  const outDir = join(buildDir, 'client', SEARCH_BASE.replace(/^\/|\/$/g, ''));
  return buildSearchShards({ outDir, ...searchInputFromDb(db) });
}

/** Bundles the kiosk's service worker (src/search/kiosk/sw.ts) to `<buildDir>/client/kiosk/sw.js`. */
export async function buildKioskWorker(buildDir: string, buildId: string): Promise<number> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [new URL('./kiosk/sw.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome73',
    write: false,
    logLevel: 'silent',
    // A new build gets a new cache name: the old kiosk shell is dropped on activation.
    define: { __BUILD_ID__: JSON.stringify(buildId) },
  });
  const dir = join(buildDir, 'client', 'kiosk');
  await mkdir(dir, { recursive: true });
  const code = out.outputFiles[0]!.contents;
  await writeFile(join(dir, 'sw.js'), code);
  return code.length;
}

export const searchPublishStep: PublishStep = {
  name: 'search shards',
  when: 'after-build',
  async run(ctx) {
    const report = await buildSearchFiles(ctx.db, ctx.buildDir);
    const gz = report.files.reduce((s, f) => s + f.gzBytes, 0);
    ctx.log(`    search: ${report.villages} villages, ${report.documents} households, ${report.files.length} files, ${(gz / 1024 / 1024).toFixed(1)} MB gzip`);
    await buildKioskWorker(ctx.buildDir, ctx.buildDir.split('/').pop() ?? 'build');
  },
};
