// RFC 6962 §2.1 hashing with a pluggable SHA-256. The default is @noble/hashes, which runs
// everywhere, including plain-HTTP kiosk pages where crypto.subtle does not exist (not a
// secure context) and would be async anyway. Node code calls useNodeSha256() (sha256.node.ts)
// for node:crypto's speed.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** A synchronous SHA-256. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** Every Merkle hash is a SHA-256 digest: 32 bytes. */
export const HASH_SIZE = 32;

let impl: Sha256 = nobleSha256;

/** Replace the SHA-256 implementation (e.g. node:crypto); returns the previous one. */
export function setSha256(fn: Sha256): Sha256 {
  const prev = impl;
  impl = fn;
  return prev;
}

/** The pure-JS SHA-256 that browsers fall back to. */
export const portableSha256: Sha256 = nobleSha256;

/** SHA-256 with the current implementation. */
export function sha256(data: Uint8Array): Uint8Array {
  return impl(data);
}

/** MTH({}) = SHA-256 of the empty string: the root of an empty tree. */
export function emptyRoot(): Uint8Array {
  return impl(new Uint8Array(0));
}

/** Leaf hash: SHA-256(0x00 ‖ entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  const buf = new Uint8Array(entry.length + 1);
  buf.set(entry, 1);
  return impl(buf);
}

// One scratch buffer for interior nodes: SHA-256 implementations copy their input, and
// this is the hot loop when a million leaves are hashed.
const nodeBuf = new Uint8Array(1 + 2 * HASH_SIZE);
nodeBuf[0] = 1;

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeBuf.set(left, 1);
  nodeBuf.set(right, 1 + HASH_SIZE);
  return impl(nodeBuf);
}

/** True when h is a well-formed hash (exactly 32 bytes). */
export function isHash(h: unknown): h is Uint8Array {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}
