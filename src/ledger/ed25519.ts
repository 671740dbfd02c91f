// @noble/ed25519 with @noble/hashes' SHA-512 behind its sync API. note.ts imports this lazily,
// only where WebCrypto has no Ed25519: old browsers cannot even parse noble's BigInt literals,
// and a lazy chunk keeps that from breaking the rest of the verifier. note-sign.ts (Node)
// imports it directly.
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

ed.hashes.sha512 = sha512;

/** The 32-byte public key of a 32-byte seed. */
export function getPublicKey(seed: Uint8Array): Uint8Array {
  return ed.getPublicKey(seed);
}

/** Deterministic RFC 8032 signature. */
export function sign(message: Uint8Array, seed: Uint8Array): Uint8Array {
  return ed.sign(message, seed);
}

/** Strict RFC 8032 verification (not ZIP-215); false for any malformed input. */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
