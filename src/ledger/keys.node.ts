// The ledger's signing key and origin, from configuration (Node only). The private key lives
// outside the repository and the build output: $GONGKAI_LEDGER_KEY, else data/secrets/ledger.key
// (git-ignored), file mode 0600.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ROOT } from '../lib/root.ts';
import type { Signer } from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';

/** Path of the signing key: $GONGKAI_LEDGER_KEY, else data/secrets/ledger.key. */
export function ledgerKeyPath(): string {
  return resolve(ROOT, process.env.GONGKAI_LEDGER_KEY ?? 'data/secrets/ledger.key');
}

/**
 * The checkpoint origin (and default key name): $GONGKAI_LEDGER_ORIGIN, else the site URL
 * without its scheme plus /ledger, as tlog-tiles recommends for the log prefix.
 */
export function ledgerOrigin(): string {
  if (process.env.GONGKAI_LEDGER_ORIGIN) return process.env.GONGKAI_LEDGER_ORIGIN;
  const url = new URL(process.env.GONGKAI_SITE_URL ?? 'http://localhost:4321');
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/ledger`;
}

const within = (parent: string, child: string): boolean => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};
/** True when `path` is inside the repository but not in the git-ignored data/secrets/. */
function insideRepository(path: string): boolean {
  return within(ROOT, path) && !within(resolve(ROOT, 'data/secrets'), path);
}

/** Create a new signing key file (mode 0600); refuses to overwrite or to write into the repository. */
export function createKeyFile(path: string, name: string): { vkey: string } {
  const abs = resolve(path);
  if (insideRepository(abs)) {
    throw new Error(`${abs} is inside the repository: keep the signing key outside it (default data/secrets/, which git ignores)`);
  }
  if (existsSync(abs)) {
    throw new Error(`${abs} already exists: a new key would sign checkpoints no one trusts yet; move the old one away first if you mean it`);
  }
  const { skey, vkey } = generateKey(name);
  mkdirSync(dirname(abs), { recursive: true, mode: 0o700 });
  writeFileSync(abs, `${skey}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(abs, 0o600);
  return { vkey };
}

/** Load the signer from the key file. */
export function loadLedgerSigner(path: string = ledgerKeyPath()): Signer {
  if (!existsSync(path)) throw new Error(`no ledger signing key at ${path}: run ./gongkai ledger keygen (or set GONGKAI_LEDGER_KEY)`);
  return parseSignerKey(readFileSync(path, 'utf8'));
}
