// Astro integration: the open-data files are written by a worker thread that starts with
// the build and runs on the second core while Astro renders pages on the first; when the
// build is done they are moved under client/downloads/. Astro empties its outDir at the
// start, so the worker writes to a sibling directory first.
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The integration; `root` is the repository root (the worker's source lives there). */
export function openDataDownloads(root: string): AstroIntegration {
  let outDir = '';
  let site = '';
  let tmp = '';
  let done: Promise<{ files: number; bytes: number }> | null = null;
  return {
    name: 'gongkai:downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        site = config.site ?? '';
      },
      'astro:build:start': ({ logger }) => {
        tmp = join(dirname(resolve(outDir)), `.downloads-${basename(resolve(outDir))}-${process.pid}`);
        rmSync(tmp, { recursive: true, force: true });
        mkdirSync(tmp, { recursive: true });
        const started = performance.now();
        const worker = new Worker(join(root, 'src/site/downloads-worker.ts'), { workerData: { dir: tmp, site } });
        done = new Promise((resolveDone, reject) => {
          worker.once('message', (m: { files: number; bytes: number }) => {
            logger.info(`${m.files} data files, ${(m.bytes / 1024 ** 2).toFixed(0)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s (worker)`);
            resolveDone(m);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`downloads worker exited with ${code}`)));
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (!done) return;
        try {
          await done;
          const target = join(fileURLToPath(dir), 'downloads');
          mkdirSync(target, { recursive: true });
          for (const entry of readdirSync(tmp)) {
            const dest = join(target, entry);
            if (existsSync(dest)) rmSync(dest, { recursive: true, force: true });
            renameSync(join(tmp, entry), dest);
          }
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      },
    },
  };
}
