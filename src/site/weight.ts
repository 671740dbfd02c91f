// Page weight per page type: the bytes a phone downloads for a page's HTML, CSS and JS,
// gzip-compressed, leaving out the inline SVG of build-time charts (issue 3's budget:
// under 30 KB per page type). Used by the browser tests (a budget check) and `bench build`.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget per page, compressed, in bytes. */
export const PAGE_BUDGET = 30 * 1024;

export interface TypeWeight {
  type: string;
  pages: number;
  /** the heaviest page of the type, gzip bytes */
  max: number;
  maxPage: string;
  median: number;
}

const TYPES: [RegExp, string][] = [
  [/^$/, 'overview'],
  [/^funds$/, 'fund-list'],
  [/^funds\/filter\//, 'fund-list-filtered'],
  [/^funds\/[^/]+$/, 'fund'],
  [/^villages$/, 'village-index'],
  [/^villages\/[^/]+(\/\d+)?$/, 'village'],
  [/^projects(\/page\/\d+)?$/, 'project-list'],
  [/^projects\/[^/]+$/, 'project'],
  [/^budgets$/, 'budget-list'],
  [/^budgets\/[^/]+$/, 'budget-unit'],
  [/^staffing$/, 'staffing'],
  [/^staffing\/[^/]+$/, 'institution'],
  [/^notices$/, 'notice-list'],
  [/^notices\/[^/]+$/, 'notice'],
  [/^downloads$/, 'downloads'],
  [/^404\.html$/, 'not-found'],
];

/** Page type of a built file path relative to client/ (both locales share a type). */
export function pageType(rel: string): string {
  const path = rel
    .split(sep)
    .join('/')
    .replace(/^en(\/|$)/, '')
    .replace(/\/?index\.html$/, '');
  return TYPES.find(([re]) => re.test(path))?.[1] ?? `other:${path.split('/')[0]}`;
}

/** Compressed bytes of one page: its HTML without chart SVG, plus the CSS/JS files it links. */
export async function pageWeight(root: string, html: string, assets: Map<string, number>): Promise<number> {
  let bytes = gzipSync(html.replace(/<svg[\s\S]*?<\/svg>/g, ''), { level: 9 }).length;
  for (const m of html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(\/[^"]+)"/g)) {
    const url = m[1] as string;
    let size = assets.get(url);
    if (size === undefined) {
      size = gzipSync(await readFile(join(root, url)), { level: 9 }).length;
      assets.set(url, size);
    }
    bytes += size;
  }
  return bytes;
}

/**
 * Weigh the pages under a build's client/ directory, by type. `sample` limits how many
 * pages of one type are weighed (the largest by raw size first), for very large builds.
 */
export async function weighSite(root: string, sample = Infinity): Promise<TypeWeight[]> {
  const byType = new Map<string, { path: string; size: number }[]>();
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const path = join(e.parentPath, e.name);
    const type = pageType(relative(root, path));
    const list = byType.get(type) ?? (byType.set(type, []).get(type) as { path: string; size: number }[]);
    list.push({ path, size: (await readFile(path)).length });
  }
  const assets = new Map<string, number>();
  const out: TypeWeight[] = [];
  for (const [type, list] of byType) {
    list.sort((a, b) => b.size - a.size);
    const weights: { path: string; gz: number }[] = [];
    for (const p of list.slice(0, sample)) weights.push({ path: p.path, gz: await pageWeight(root, await readFile(p.path, 'utf8'), assets) });
    weights.sort((a, b) => b.gz - a.gz);
    out.push({
      type,
      pages: list.length,
      max: weights[0]?.gz ?? 0,
      maxPage: relative(root, weights[0]?.path ?? root),
      median: weights[Math.floor(weights.length / 2)]?.gz ?? 0,
    });
  }
  return out.sort((a, b) => a.type.localeCompare(b.type));
}

/** A table of weights for the terminal. */
export function formatWeights(weights: readonly TypeWeight[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return weights.map((w) => `  ${w.type.padEnd(20)} ${String(w.pages).padStart(6)} pages  max ${kb(w.max).padStart(9)}  median ${kb(w.median).padStart(9)}  ${w.max > PAGE_BUDGET ? 'OVER BUDGET ' : ''}(${w.maxPage})`).join('\n');
}
