// Where built sites live. Each build goes to its own directory under data/site/builds/;
// `current` is a symlink to the one being served. Publishing repoints the symlink with an
// atomic rename, so a request sees either the old site or the new one, never a mix.
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ROOT } from '../db/client.ts';

/** data/site (or $GONGKAI_SITE_DIR): builds/ and the `current` link. */
export function siteDir(): string {
  return resolve(ROOT, process.env.GONGKAI_SITE_DIR ?? 'data/site');
}

export function buildsDir(): string {
  return join(siteDir(), 'builds');
}

export function currentLink(): string {
  return join(siteDir(), 'current');
}

/** The build directory `current` points at, or null before the first build. */
export function currentBuild(): string | null {
  try {
    return resolve(siteDir(), readlinkSync(currentLink()));
  } catch {
    return null;
  }
}

/** A fresh, empty directory for the next build, named by time so they sort. */
export function newBuildDir(): string {
  mkdirSync(buildsDir(), { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  let dir = join(buildsDir(), stamp);
  for (let i = 1; existsSync(dir); i++) dir = join(buildsDir(), `${stamp}-${i}`);
  mkdirSync(dir);
  return dir;
}

/** Point `current` at `build` atomically (symlink a temp name, then rename over). */
export function swapCurrent(build: string): void {
  const tmp = join(siteDir(), `.current-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join('builds', basename(build)), tmp);
  renameSync(tmp, currentLink());
}

/** The builds, oldest first. */
export function listBuilds(): string[] {
  if (!existsSync(buildsDir())) return [];
  return readdirSync(buildsDir())
    .filter((d) => !d.startsWith('.'))
    .sort()
    .map((d) => join(buildsDir(), d));
}

/** Delete all but the newest `keep` builds, never the current one. */
export function pruneBuilds(keep = 3): void {
  const current = currentBuild();
  const builds = listBuilds();
  for (const b of builds.slice(0, Math.max(0, builds.length - keep))) {
    if (b !== current) rmSync(b, { recursive: true, force: true });
  }
}
