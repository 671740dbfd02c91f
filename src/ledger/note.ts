// C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys in the text forms of
// Go's golang.org/x/mod/sumdb/note:
//   verifier key  name+hash+base64(0x01 ‖ 32-byte public key)
//   signer key    PRIVATE+KEY+name+hash+base64(0x01 ‖ 32-byte seed)
// where hash is 8 hex digits of key ID = SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4].
//
// Isomorphic. Verification uses WebCrypto Ed25519 where the browser has it and falls back to
// @noble/ed25519, loaded on demand (ed25519.ts; crypto.subtle is missing on plain-HTTP kiosk
// pages). Signer keys are parsed and generated in note-sign.ts (Node, at publish).
import { concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from './bytes.ts';
import { sha256 } from './hash.ts';

/** Signature type byte of plain Ed25519 signatures. */
export const ALG_ED25519 = 0x01;
const SIG_PREFIX = '\u2014 '; // em dash, space
const MAX_SIGNATURES = 100; // Go's limit; the spec asks for at least 16
const MAX_NOTE_BYTES = 1 << 20;

/** A malformed key or note, or a signature that does not verify. */
export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

/** A trusted public key. */
export interface Verifier {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** A private key able to sign notes. */
export interface Signer {
  name: string;
  keyId: number;
  publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Key names are non-empty, with no Unicode space and no plus sign. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/.test(name) && fromUtf8(utf8(name)) === name;
}

/** The uint32 key ID of an Ed25519 key. */
export function keyId(name: string, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8(`${name}\n`), new Uint8Array([ALG_ED25519]), publicKey));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

/** 8 lowercase hex digits of a key ID. */
export const hex8 = (n: number): string => ('0000000' + n.toString(16)).slice(-8);

/** `name+hash+base64` for an Ed25519 public key. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
  return `${name}+${hex8(keyId(name, publicKey))}+${toBase64(concatBytes(new Uint8Array([ALG_ED25519]), publicKey))}`;
}

/** Split off `parts - 1` fields at '+'; the last field (base64) may itself contain '+'. */
export function splitKey(text: string, parts: number): string[] | null {
  const out: string[] = [];
  let rest = text;
  for (let i = 0; i < parts - 1; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** Check a key's name, hash and Ed25519 key bytes; returns the 32 key bytes and the ID. */
export function parseKeyFields(name: string, hash: string, b64: string, what: string): { keyBytes: Uint8Array; id: number } {
  const keyBytes = fromBase64(b64);
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hash) || !keyBytes || keyBytes.length === 0) {
    throw new NoteError(`malformed ${what}`);
  }
  if (keyBytes[0] !== ALG_ED25519 || keyBytes.length !== 33) throw new NoteError(`${what} is not an Ed25519 key`);
  return { keyBytes: keyBytes.subarray(1), id: parseInt(hash, 16) };
}

/** Parse a verifier key `name+hash+base64`. */
export function parseVerifierKey(vkey: string): Verifier {
  const f = splitKey(vkey.trim(), 3);
  if (!f) throw new NoteError('malformed verifier key: want name+hash+base64');
  const [name, hash, b64] = f as [string, string, string];
  const { keyBytes: publicKey, id } = parseKeyFields(name, hash, b64, 'verifier key');
  if (keyId(name, publicKey) !== id) throw new NoteError(`verifier key hash ${hash} does not match the key`);
  return { name, keyId: id, publicKey, verify: (msg, sig) => verifyEd25519(publicKey, msg, sig) };
}

let portableOnly = false;
/** Force the @noble fallback even where WebCrypto Ed25519 exists (tests, benchmarks). */
export function setPortableEd25519(on: boolean): void {
  portableOnly = on;
}

/** Ed25519 (RFC 8032) verification: WebCrypto where available, else @noble/ed25519. */
export async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const subtle = globalThis.crypto?.subtle;
  if (subtle && !portableOnly) {
    try {
      const key = await subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      return await subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
    } catch {
      // No Ed25519 in this browser's WebCrypto (or a key it refuses): use noble below.
    }
  }
  const noble = await import('./ed25519.ts');
  return noble.verify(signature, message, publicKey);
}

/** Sign `text` (which must end in a newline) and return the signed note. */
export async function signNote(text: string, signers: readonly Signer[]): Promise<string> {
  if (!text.endsWith('\n')) throw new NoteError('note text must end in a newline');
  checkNoteChars(text);
  const msg = utf8(text);
  let sigs = '';
  for (const s of signers) {
    const id = new Uint8Array([s.keyId >>> 24, (s.keyId >>> 16) & 255, (s.keyId >>> 8) & 255, s.keyId & 255]);
    sigs += `${SIG_PREFIX}${s.name} ${toBase64(concatBytes(id, await s.sign(msg)))}\n`;
  }
  return `${text}\n${sigs}`;
}

/** Refuse control characters other than newline, and lone surrogates. */
export function checkNoteChars(text: string): void {
  // Signed notes are UTF-8 with no control character other than newline (lone surrogates
  // cannot be encoded, so they are refused too).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 10) || (c >= 0xd800 && c <= 0xdfff && !isPairAt(text, i))) {
      throw new NoteError('note contains a control character or invalid UTF-8');
    }
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
}
function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

/** A signature line that was parsed from a note. */
export interface NoteSignature {
  name: string;
  keyId: number;
}

/** An opened note: the text is trustworthy only because `verified` is non-empty. */
export interface OpenedNote {
  text: string;
  verified: NoteSignature[];
  unverified: NoteSignature[];
}

/**
 * Parse a signed note and verify it against trusted keys, per the spec: signatures from
 * unknown keys are ignored, a failing signature from a known key rejects the note, and a
 * note with no verified signature is rejected.
 */
export async function openNote(note: string | Uint8Array, verifiers: readonly Verifier[]): Promise<OpenedNote> {
  const bytes = typeof note === 'string' ? utf8(note) : note;
  if (bytes.length > MAX_NOTE_BYTES) throw new NoteError('note is too large');
  const msg = fromUtf8(bytes);
  if (msg === null) throw new NoteError('note is not valid UTF-8');
  checkNoteChars(msg);
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('note has no signature block');
  const text = msg.slice(0, split + 1);
  let sigs = msg.slice(split + 2);
  if (sigs.length === 0 || !sigs.endsWith('\n')) throw new NoteError('note signature block must end in a newline');
  const textBytes = utf8(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  let count = 0;
  while (sigs.length > 0) {
    const nl = sigs.indexOf('\n');
    let line = sigs.slice(0, nl);
    sigs = sigs.slice(nl + 1);
    if (!line.startsWith(SIG_PREFIX)) throw new NoteError('malformed signature line');
    line = line.slice(SIG_PREFIX.length);
    const sp = line.indexOf(' ');
    const name = sp < 0 ? line : line.slice(0, sp);
    const b64 = sp < 0 ? '' : line.slice(sp + 1);
    const raw = fromBase64(b64);
    if (!raw || !isValidKeyName(name) || raw.length < 5) throw new NoteError('malformed signature line');
    if (++count > MAX_SIGNATURES) throw new NoteError('note has too many signatures');
    const id = ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0;
    const key = `${name}\u0000${id}`;
    if (seen.has(key)) continue; // repeated signatures by one key count once, as in Go
    seen.add(key);
    const v = verifiers.find((k) => k.name === name && k.keyId === id);
    if (!v) {
      unverified.push({ name, keyId: id });
      continue;
    }
    if (!(await v.verify(textBytes, raw.subarray(4)))) throw new NoteError(`signature by ${name}+${hex8(id)} does not verify`);
    verified.push({ name, keyId: id });
  }
  if (verified.length === 0) {
    const names = unverified.map((s) => `${s.name}+${hex8(s.keyId)}`).join(', ');
    throw new NoteError(`note is not signed by a trusted key${names ? ` (signed by ${names})` : ''}`);
  }
  return { text, verified, unverified };
}
