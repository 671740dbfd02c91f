// `gongkai test`: the whole suite, as CI runs it — type check, unit and integration tests
// (Vitest, real SQLite files), then browser tests (Playwright driving Debian's Chromium)
// against a sample county built into a temporary directory and served by the real server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, type Command } from './command.ts';
import { ensureDebianPackage } from './system.ts';
import { ROOT } from '../lib/root.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  return r.status ?? 1;
}

function npx(bin: string, args: string[], env?: NodeJS.ProcessEnv): number {
  return run(process.execPath, [join(ROOT, 'node_modules', '.bin', bin), ...args], env);
}

/** Debian's Chromium: Playwright's own browser download cannot work here (toolchain.md). */
export function ensureChromium(): void {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(CHROMIUM)) throw new UserError(`CHROMIUM_PATH=${CHROMIUM} does not exist`, 1);
    return;
  }
  ensureDebianPackage('chromium', CHROMIUM);
}

export const testCommand: Command = {
  name: 'test',
  summary: 'run the whole test suite: types, unit/integration (Vitest), browser (Playwright)',
  usage: `  ./gongkai test [--unit-only | --e2e-only] [-- FILTER…]
  FILTER is passed to Vitest / Playwright (e.g. a file name).`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'unit-only': { type: 'boolean' }, 'e2e-only': { type: 'boolean' } },
      allowPositionals: true,
    });
    const failed: string[] = [];
    if (!values['e2e-only']) {
      console.log('\n▶ type check (astro sync, tsc)');
      // `astro sync` writes the astro:content types tsc needs; a clean clone has none.
      if (npx('astro', ['sync'], { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }) !== 0 || npx('tsc', ['--noEmit', '-p', 'tsconfig.json']) !== 0) failed.push('type check');
      console.log('\n▶ unit and integration tests (vitest)');
      if (npx('vitest', ['run', ...positionals]) !== 0) failed.push('vitest');
    }
    if (!values['unit-only']) {
      ensureChromium();
      console.log('\n▶ browser tests (playwright, Chromium)');
      // A private world for the run: its own database, secrets and site directory — inside
      // the repository, because a build's server chunks import packages (e.g. @oslojs/*)
      // that Node resolves from the nearest node_modules up the tree.
      mkdirSync(join(ROOT, 'data', 'tmp'), { recursive: true });
      const dir = mkdtempSync(join(ROOT, 'data', 'tmp', 'e2e-'));
      const env = {
        ...process.env,
        GONGKAI_E2E_DIR: dir,
        GONGKAI_DB: join(dir, 'gongkai.db'),
        GONGKAI_SITE_DIR: join(dir, 'site'),
        GONGKAI_ID_KEY_FILE: join(dir, 'secrets', 'id-hash.key'),
        GONGKAI_SECRETS_DIR: join(dir, 'secrets'),
        // The sample's villages (≤ 224 payments) are shorter than a page: page them smaller
        // so the pager is exercised.
        GONGKAI_PAGE_PAYMENTS: '100',
      };
      if (npx('playwright', ['test', ...positionals], env) !== 0) failed.push('playwright');
      else rmSync(dir, { recursive: true, force: true });
    }
    if (failed.length) {
      console.error(`\n✗ failed: ${failed.join(', ')}`);
      return 1;
    }
    console.log('\n✓ all tests passed');
    return 0;
  },
};
