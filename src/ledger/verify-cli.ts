// What `./gongkai verify` prints (Node only); the checks themselves are in verify.ts.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../lib/root.ts';
import { UserError } from '../cli/command.ts';
import { fromUtf8, toBase64, toHex } from './bytes.ts';
import { ProofError } from './merkle.ts';
import { NoteError, parseVerifierKey, type Verifier } from './note.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './proof.ts';
import { decodeRecordEntry } from './record.ts';
import { useNodeSha256 } from './sha256.node.ts';
import { openLogSource, readPathOrUrl, type LogSource } from './source.node.ts';
import { VerifyError, verifyLog, verifyRecord } from './verify.ts';

export { NoteError, ProofError, VerifyError };
useNodeSha256();

export interface CliVerifyOptions {
  key: string | undefined;
  origin: string | undefined;
  since?: string | undefined;
  receipt?: string | undefined;
}

const VKEY_TEXT = /^[^\s+]+\+[0-9a-fA-F]{8}\+[A-Za-z0-9+/]+=*$/;

/** The trusted key: --key as text, file or URL; else the log's own vkey (with a warning). */
async function resolveKey(src: LogSource | null, key: string | undefined): Promise<Verifier> {
  let text: string;
  if (key === undefined) {
    if (!src) throw new UserError('pass --key VKEY: the key the receipt must be signed by', 2);
    const own = await src.read('vkey');
    if (!own) throw new UserError('the site publishes no ledger/vkey: pass --key VKEY', 1);
    text = new TextDecoder().decode(own);
    console.error('note: trusting the key the site publishes itself (ledger/vkey). This proves the log is\n' +
      '      self-consistent, not who signed it: pass --key with the county\'s published key for that.');
  } else if (VKEY_TEXT.test(key.trim())) {
    text = key;
  } else {
    text = new TextDecoder().decode(await readPathOrUrl(key));
  }
  try {
    return parseVerifierKey(text.split('\n').find((l) => l.trim()) ?? '');
  } catch (err) {
    throw new UserError(`--key: ${(err as Error).message}`, 2);
  }
}

/** `verify SITE`: the whole log. */
export async function verifySiteCommand(site: string, opts: CliVerifyOptions): Promise<number> {
  const src = await openLogSource(site);
  const key = await resolveKey(src, opts.key);
  const since = opts.since === undefined ? undefined : await readPathOrUrl(opts.since);
  const started = performance.now();
  const report = await verifyLog(src.read, {
    key,
    ...(opts.origin !== undefined && { origin: opts.origin }),
    ...(since !== undefined && { since }),
    progress: (line) => console.error(`  ${line}`),
    readAhead: /^https?:/.test(site) ? 32 : 8,
  });
  const cp = report.checkpoint;
  console.log(`OK ${src.prefix}`);
  console.log(`  origin ${cp.origin}, signed by ${key.name}`);
  console.log(`  ${cp.size} entries in ${report.bundles} bundles and ${report.tiles} tiles; root ${toBase64(cp.root)}`);
  const earlier = report.consistentWith.filter((n) => n < cp.size);
  if (earlier.length) console.log(`  consistent with the earlier checkpoints of sizes ${earlier.join(', ')}`);
  console.log(`  checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** The live site: $GONGKAI_SITE_DIR (default data/site)/current/client, else dist/client. */
function defaultSite(): string {
  const siteDir = resolve(ROOT, process.env.GONGKAI_SITE_DIR ?? 'data/site');
  const candidates = [join(siteDir, 'current', 'client'), resolve(ROOT, 'dist', 'client')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new UserError(`no built site found (tried ${candidates.join(', ')}): pass SITE`, 2);
  return found;
}

/** `verify record INDEX [SITE]`: one entry and its inclusion proof. */
export async function verifyRecordCommand(indexText: string, site: string | undefined, opts: CliVerifyOptions): Promise<number> {
  if (!/^(0|[1-9][0-9]*)$/.test(indexText)) throw new UserError(`INDEX must be a ledger index, got ${JSON.stringify(indexText)}`, 2);
  const src = await openLogSource(site ?? defaultSite());
  const key = await resolveKey(src, opts.key);
  const r = await verifyRecord(src.read, Number(indexText), key, opts.origin);
  console.log(`entry ${r.index} of ${r.checkpoint.origin} (${src.prefix})`);
  printEntry(r.entry);
  console.log(`leaf hash ${toBase64(r.leafHash)}`);
  console.log(`inclusion proof, ${r.proof.length} hashes:`);
  r.proof.forEach((h, i) => console.log(`  ${String(i + 1).padStart(2)}  ${toBase64(h)}`));
  console.log(`verified: included in the tree of ${r.checkpoint.size} entries signed by ${key.name}, root ${toBase64(r.checkpoint.root)}`);
  if (opts.receipt) {
    writeFileSync(opts.receipt, formatTlogProof({ extra: r.entry, index: r.index, proof: r.proof, checkpoint: r.note }));
    console.log(`receipt (c2sp.org/tlog-proof, with the entry) written to ${opts.receipt}`);
  }
  return 0;
}

function printEntry(entry: Uint8Array): void {
  const record = decodeRecordEntry(entry);
  if (record) {
    const { kind, id, version, supersedes, fields } = record;
    console.log(`record ${kind}/${id}, version ${version}${supersedes !== undefined ? `, supersedes entry ${supersedes}` : ''}`);
    console.log(JSON.stringify(fields, null, 2));
  } else {
    const text = fromUtf8(entry);
    console.log(`opaque entry, ${entry.length} bytes:`);
    console.log(text !== null && !/[\u0000-\u0008\u000e-\u001f]/.test(text) ? text : toHex(entry));
  }
}

/** `verify receipt FILE`: a tlog-proof checked offline against the key. */
export async function verifyReceiptCommand(file: string, opts: CliVerifyOptions): Promise<number> {
  const key = await resolveKey(null, opts.key);
  const text = new TextDecoder().decode(await readPathOrUrl(file));
  const cp = await verifyTlogProof(text, key, undefined, opts.origin);
  const { index, extra } = parseTlogProof(text);
  console.log(`receipt for entry ${index} of ${cp.origin}`);
  if (extra) printEntry(extra);
  console.log(`verified: included in the tree of ${cp.size} entries signed by ${key.name}, root ${toBase64(cp.root)}`);
  return 0;
}
