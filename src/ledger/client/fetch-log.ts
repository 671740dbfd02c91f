// A ReadLog over HTTP for browser code: fetches files under the log prefix once per page
// (many records share a bundle and tiles). 404 means "no such file", as verify.ts expects.
import type { ReadLog } from '../verify.ts';

/** Read files under `base` (e.g. '/ledger/'), each fetched at most once unless `keep` is false. */
export function fetchLog(base: string, keep = true): ReadLog {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const cache = new Map<string, Promise<Uint8Array | null>>();
  return (path) => {
    let p = cache.get(path);
    if (!p) {
      p = fetch(prefix + path, { cache: 'no-cache' }).then(async (res) => {
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      });
      if (keep) cache.set(path, p);
    }
    return p;
  };
}

/** The site's own verifier key (ledger/vkey) as text, or null when the site has none. */
export async function siteKeyText(read: ReadLog): Promise<string | null> {
  const bytes = await read('vkey');
  return bytes ? new TextDecoder().decode(bytes).trim() : null;
}

/** The edition number of a checkpoint: its position in history/index (1 = first signed). */
export async function editionOf(read: ReadLog, size: number): Promise<number> {
  const index = await read('history/index');
  const sizes = index ? new TextDecoder().decode(index).split('\n').filter(Boolean).map(Number) : [];
  const at = sizes.indexOf(size);
  return at >= 0 ? at + 1 : sizes.length + 1;
}
