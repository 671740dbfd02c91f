// The key for hashing ID numbers. It must stay out of the repository and out of the
// built site: $GONGKAI_ID_KEY (hex) if set, else data/secrets/id-hash.key, created with
// 0600 permissions on first use. Losing it only means people in later batches are not
// matched to earlier ones; leaking it lets someone test guesses of ID numbers.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROOT } from '../db/client.ts';

/** Path of the ID-hash key file. */
export function idKeyPath(): string {
  return resolve(ROOT, process.env.GONGKAI_ID_KEY_FILE ?? 'data/secrets/id-hash.key');
}

/** Load (or create, once) the secret key used by hashIdNumber. */
export function loadIdKey(): Uint8Array {
  const fromEnv = process.env.GONGKAI_ID_KEY;
  if (fromEnv) {
    if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new Error('GONGKAI_ID_KEY must be 64 hex characters');
    return Buffer.from(fromEnv, 'hex');
  }
  const path = idKeyPath();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${path} is not a 64-hex-character key`);
  return Buffer.from(hex, 'hex');
}
