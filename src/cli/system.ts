// Debian packages the project's own scripts install when missing (a fresh machine has
// neither Chromium for the browser tests nor sqlite3 for the import benchmark's floor).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { UserError } from './command.ts';

/** Make sure `bin` exists, installing Debian package `pkg` with apt-get (as root or via sudo -n). */
export function ensureDebianPackage(pkg: string, bin: string): void {
  if (existsSync(bin)) return;
  const root = process.getuid?.() === 0;
  const prefix = root ? [] : ['sudo', '-n'];
  const apt = (...args: string[]) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  console.error(`[gongkai] installing Debian package ${pkg} (apt-get)`);
  if (!(apt('update', '-qq') && apt('install', '-y', '-qq', pkg)) || !existsSync(bin)) {
    throw new UserError(`${bin} is needed: install the Debian package "${pkg}" (apt-get install ${pkg})`, 1);
  }
}
