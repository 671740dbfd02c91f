// Where `verify` reads a log from (Node only): a directory or an http(s) URL. Either may be
// the log prefix itself or a built site with the log under ledger/.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VerifyError, type ReadLog } from './verify.ts';

export interface LogSource {
  read: ReadLog;
  /** The log prefix actually used, for messages. */
  prefix: string;
}

/** Read `path` (a file or URL) as bytes. */
export async function readPathOrUrl(path: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(path)) {
    const res = await fetch(path);
    if (!res.ok) throw new VerifyError(`${path}: HTTP ${res.status}`, path);
    return new Uint8Array(await res.arrayBuffer());
  }
  return new Uint8Array(await readFile(path));
}

/** Open a log given as a directory or URL. */
export async function openLogSource(site: string): Promise<LogSource> {
  if (/^https?:\/\//.test(site)) {
    let base = site.replace(/\/+$/, '');
    // GET, not HEAD: some static hosts refuse HEAD, and a checkpoint is a few hundred bytes.
    const probe = await fetch(`${base}/checkpoint`).catch(() => null);
    if (!probe?.ok) base += '/ledger';
    const read: ReadLog = async (p) => {
      let res: Response;
      try {
        res = await fetch(`${base}/${p}`);
      } catch (err) {
        throw new VerifyError(`${p}: ${(err as Error).message}`, p);
      }
      if (res.status === 404 || res.status === 410) return null;
      if (!res.ok) throw new VerifyError(`${p}: HTTP ${res.status}`, p);
      return new Uint8Array(await res.arrayBuffer());
    };
    return { read, prefix: base };
  }
  let dir = resolve(site);
  if (!existsSync(join(dir, 'checkpoint')) && existsSync(join(dir, 'ledger', 'checkpoint'))) dir = join(dir, 'ledger');
  const read: ReadLog = async (p) => {
    try {
      return new Uint8Array(await readFile(join(dir, p)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw err;
    }
  };
  return { read, prefix: dir };
}
