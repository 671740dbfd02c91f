// Signer keys (Node, at publish): parsing `PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)` and
// generating new ones, as Go's golang.org/x/mod/sumdb/note does.
import { concatBytes, toBase64 } from './bytes.ts';
import { getPublicKey, sign } from './ed25519.ts';
import { ALG_ED25519, NoteError, formatVerifierKey, hex8, isValidKeyName, keyId, parseKeyFields, splitKey, type Signer } from './note.ts';

/** Parse a signer key `PRIVATE+KEY+name+hash+base64`. */
export function parseSignerKey(skey: string): Signer {
  const f = splitKey(skey.trim(), 5);
  if (!f || f[0] !== 'PRIVATE' || f[1] !== 'KEY') throw new NoteError('malformed signer key: want PRIVATE+KEY+name+hash+base64');
  const [, , name, hash, b64] = f as [string, string, string, string, string];
  const { keyBytes: seed, id } = parseKeyFields(name, hash, b64, 'signer key');
  const publicKey = getPublicKey(seed);
  if (keyId(name, publicKey) !== id) throw new NoteError(`signer key hash ${hash} does not match the key`);
  return { name, keyId: id, publicKey, sign: async (msg) => sign(msg, seed) };
}

/** A new random Ed25519 key pair in both text forms. */
export function generateKey(name: string): { skey: string; vkey: string } {
  if (!isValidKeyName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
  const seed = crypto.getRandomValues(new Uint8Array(32));
  const publicKey = getPublicKey(seed);
  return {
    skey: `PRIVATE+KEY+${name}+${hex8(keyId(name, publicKey))}+${toBase64(concatBytes(new Uint8Array([ALG_ED25519]), seed))}`,
    vkey: formatVerifierKey(name, publicKey),
  };
}
