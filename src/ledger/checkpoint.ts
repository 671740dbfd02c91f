// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed note body
// `origin\nsize\nbase64(root)\n[extension lines]`. Isomorphic.
import { fromBase64, toBase64 } from './bytes.ts';
import { HASH_SIZE } from './hash.ts';
import { NoteError, openNote, signNote, type OpenedNote, type Signer, type Verifier } from './note.ts';

/** A tree head: the log's identity, its size and its root hash. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
}

/** The checkpoint note text (without signatures). */
export function formatCheckpoint(c: Checkpoint): string {
  if (!c.origin || c.origin.includes('\n')) throw new NoteError('checkpoint origin must be one non-empty line');
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new NoteError(`bad checkpoint size ${c.size}`);
  if (c.root.length !== HASH_SIZE) throw new NoteError('checkpoint root must be 32 bytes');
  for (const e of c.extensions) if (!e || e.includes('\n')) throw new NoteError('checkpoint extension lines must be non-empty');
  return [c.origin, String(c.size), toBase64(c.root), ...c.extensions].join('\n') + '\n';
}

/** Parse checkpoint note text; throws NoteError when it is not a well-formed checkpoint. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new NoteError('checkpoint must end in a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!origin || sizeText === undefined || rootText === undefined) throw new NoteError('checkpoint needs origin, size and root lines');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new NoteError(`checkpoint size ${JSON.stringify(sizeText)} is not a decimal tree size`);
  }
  const root = fromBase64(rootText);
  if (!root || root.length !== HASH_SIZE) throw new NoteError('checkpoint root is not a base64 SHA-256 hash');
  if (extensions.some((e) => e === '')) throw new NoteError('checkpoint has an empty extension line');
  return { origin, size: Number(sizeText), root, extensions };
}

/** Sign a checkpoint. */
export async function signCheckpoint(c: Checkpoint, signer: Signer): Promise<string> {
  return signNote(formatCheckpoint(c), [signer]);
}

/** Verify a signed checkpoint with `key` and parse it; checks the origin when given. */
export async function openCheckpoint(
  note: string | Uint8Array,
  key: Verifier,
  origin?: string,
): Promise<{ checkpoint: Checkpoint; note: OpenedNote }> {
  const opened = await openNote(note, [key]);
  const checkpoint = parseCheckpoint(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new NoteError(`checkpoint origin is ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(origin)}`);
  }
  return { checkpoint, note: opened };
}
