// C2SP tlog-proof (https://c2sp.org/tlog-proof): an offline-verifiable receipt that an entry is
// in the log: `c2sp.org/tlog-proof@v1`, optional `extra <base64>`, `index N`, the inclusion
// proof hashes, a blank line, and the signed checkpoint verbatim. We put the entry's own bytes
// in `extra`, so a household's receipt carries the record it proves. Isomorphic.
import { fromBase64, toBase64 } from './bytes.ts';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { HASH_SIZE, leafHash } from './hash.ts';
import { verifyInclusion } from './merkle.ts';
import { NoteError, type Verifier } from './note.ts';

const HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  /** Unauthenticated extra data; here, the entry bytes. */
  extra?: Uint8Array;
  index: number;
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

/** The text of a tlog-proof (conventionally saved as `*.tlog-proof`). */
export function formatTlogProof(p: TlogProof): string {
  const lines = [HEADER];
  if (p.extra) lines.push(`extra ${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(toBase64));
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

/** Parse a tlog-proof; throws NoteError when malformed. */
export function parseTlogProof(text: string): TlogProof {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new NoteError('tlog-proof has no checkpoint');
  const lines = text.slice(0, split).split('\n');
  if (lines.shift() !== HEADER) throw new NoteError(`not a ${HEADER}`);
  const out: TlogProof = { index: 0, proof: [], checkpoint: text.slice(split + 2) };
  if (lines[0]?.startsWith('extra ')) {
    const extra = fromBase64(lines.shift()!.slice(6));
    if (!extra) throw new NoteError('tlog-proof extra is not base64');
    out.extra = extra;
  }
  const m = /^index (0|[1-9][0-9]*)$/.exec(lines.shift() ?? '');
  if (!m || !Number.isSafeInteger(Number(m[1]))) throw new NoteError('tlog-proof needs an index line');
  out.index = Number(m[1]);
  for (const line of lines) {
    const h = fromBase64(line);
    if (!h || h.length !== HASH_SIZE) throw new NoteError('tlog-proof hash is not base64 SHA-256');
    out.proof.push(h);
  }
  return out;
}

/**
 * Verify a receipt: the checkpoint's signature by `key`, and the inclusion of `entry` (default:
 * the receipt's extra data) at its index. Returns the checkpoint; throws when anything fails.
 */
export async function verifyTlogProof(text: string, key: Verifier, entry?: Uint8Array, origin?: string): Promise<Checkpoint> {
  const p = parseTlogProof(text);
  const bytes = entry ?? p.extra;
  if (!bytes) throw new NoteError('the receipt carries no entry: pass the entry bytes');
  const { checkpoint } = await openCheckpoint(p.checkpoint, key, origin);
  verifyInclusion(leafHash(bytes), p.index, checkpoint.size, p.proof, checkpoint.root);
  return checkpoint;
}
