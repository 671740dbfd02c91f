import { afterEach, describe, expect, it } from 'vitest';
import { toBase64, utf8 } from './bytes.ts';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.ts';
import { leafHash } from './hash.ts';
import {
  NoteError,
  keyId,
  openNote,
  parseVerifierKey,
  setPortableEd25519,
  signNote,
  verifyEd25519,
} from './note.ts';
import { generateKey, parseSignerKey } from './note-sign.ts';

// The example of the C2SP signed-note specification ("Verifier keys" → "Example").
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n' +
  '— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

// The example of golang.org/x/mod/sumdb/note: Ed25519 is deterministic, so signing the
// same text with this key must give exactly this note.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

afterEach(() => setPortableEd25519(false));

describe('signed-note: the specification example', () => {
  for (const path of ['WebCrypto', '@noble fallback'] as const) {
    it(`verifies the example note with the example key (${path})`, async () => {
      setPortableEd25519(path !== 'WebCrypto');
      const opened = await openNote(SPEC_NOTE, [parseVerifierKey(SPEC_VKEY)]);
      expect(opened.text).toBe('This is an example message.\n');
      expect(opened.verified).toEqual([{ name: 'example.com/foo', keyId: 0x530d903a }]);
    });

    it(`rejects the example note with one character of its text changed (${path})`, async () => {
      setPortableEd25519(path !== 'WebCrypto');
      const forged = SPEC_NOTE.replace('example message', 'example massage');
      await expect(openNote(forged, [parseVerifierKey(SPEC_VKEY)])).rejects.toThrow(/does not verify/);
    });
  }

  it('derives the key ID 530d903a from the name and public key', () => {
    const v = parseVerifierKey(SPEC_VKEY);
    expect(keyId(v.name, v.publicKey)).toBe(0x530d903a);
  });
});

describe('signed-note: keys', () => {
  it('signs exactly as Go sumdb/note does and opens with the matching verifier key', async () => {
    const signer = parseSignerKey(GO_SKEY);
    expect(await signNote(GO_TEXT, [signer])).toBe(GO_NOTE);
    expect((await openNote(GO_NOTE, [parseVerifierKey(GO_VKEY)])).text).toBe(GO_TEXT);
  });

  it('generates keys whose two text forms belong together', async () => {
    const { skey, vkey } = generateKey('county.example/ledger');
    expect(skey).toMatch(/^PRIVATE\+KEY\+county\.example\/ledger\+[0-9a-f]{8}\+/);
    const note = await signNote('hello\n', [parseSignerKey(skey)]);
    expect((await openNote(note, [parseVerifierKey(vkey)])).text).toBe('hello\n');
  });

  it('refuses malformed keys and keys whose hash does not match', () => {
    for (const bad of [
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // wrong hash
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T', // bad base64
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // space in name
      'PeterNeumann+c74f20a3', // no key
      'PeterNeumann+c74f2+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // short hash
      'PeterNeumann+c74f20a3+AhpcqQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // not type 0x01
    ]) {
      expect(() => parseVerifierKey(bad), bad).toThrow(NoteError);
    }
    expect(() => parseSignerKey(GO_VKEY)).toThrow(NoteError);
    expect(() => parseSignerKey(GO_SKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/does not match/);
  });
});

describe('signed-note: opening notes', () => {
  const go = (): ReturnType<typeof parseVerifierKey> => parseVerifierKey(GO_VKEY);

  it('ignores signatures by unknown keys but needs one by a known key', async () => {
    const other = generateKey('someone.else');
    const both = `${GO_TEXT}\n${(await signNote(GO_TEXT, [parseSignerKey(other.skey), parseSignerKey(GO_SKEY)])).split('\n\n')[1]}`;
    const opened = await openNote(both, [go()]);
    expect(opened.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(opened.unverified.map((s) => s.name)).toEqual(['someone.else']);
    await expect(openNote(GO_NOTE, [parseVerifierKey(other.vkey)])).rejects.toThrow(/not signed by a trusted key \(signed by PeterNeumann\+c74f20a3\)/);
  });

  it('refuses notes that are malformed', async () => {
    for (const bad of [
      GO_NOTE.replace('\n\n', '\n'), // no blank line before signatures
      GO_NOTE.slice(0, -1), // signature block without final newline
      GO_NOTE.replace('— ', '-- '), // not an em dash
      GO_NOTE.replace('problem,', 'problem,\t'), // control character
      GO_NOTE.replace('x08go', 'x08g'), // base64 broken
    ]) {
      await expect(openNote(bad, [go()])).rejects.toThrow(NoteError);
    }
  });

  it('Ed25519 verification refuses wrong lengths rather than throwing', async () => {
    const v = go();
    expect(await verifyEd25519(v.publicKey, utf8(GO_TEXT), new Uint8Array(63))).toBe(false);
    expect(await verifyEd25519(v.publicKey.subarray(1), utf8(GO_TEXT), new Uint8Array(64))).toBe(false);
  });
});

describe('tlog-checkpoint', () => {
  const root = leafHash(utf8('x'));
  const cp = { origin: 'county.example/ledger', size: 1234, root, extensions: [] as string[] };

  it('formats origin, size and base64 root, one per line', () => {
    expect(formatCheckpoint(cp)).toBe(`county.example/ledger\n1234\n${toBase64(root)}\n`);
    expect(parseCheckpoint(formatCheckpoint(cp))).toEqual(cp);
  });

  it('refuses leading zeros, roots that are not 32 bytes and missing lines', () => {
    expect(() => parseCheckpoint(`o\n01\n${toBase64(root)}\n`)).toThrow(/decimal/);
    expect(() => parseCheckpoint(`o\n1\n${toBase64(root.subarray(1))}\n`)).toThrow(/root/);
    expect(() => parseCheckpoint('o\n1\n')).toThrow(NoteError);
    expect(() => parseCheckpoint(`o\n1\n${toBase64(root)}\n\n`)).toThrow(NoteError);
  });

  it('signs and opens, checking the origin', async () => {
    const { skey, vkey } = generateKey('county.example/ledger');
    const note = await signCheckpoint(cp, parseSignerKey(skey));
    expect((await openCheckpoint(note, parseVerifierKey(vkey), 'county.example/ledger')).checkpoint.size).toBe(1234);
    await expect(openCheckpoint(note, parseVerifierKey(vkey), 'other.example/ledger')).rejects.toThrow(/origin/);
  });
});
