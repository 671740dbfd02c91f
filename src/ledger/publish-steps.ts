// The ledger's two publish steps (registered in src/publish/steps.ts). Before the build:
// make sure there is a signing key, and append every newly published record, so pages can
// show their ledger index. After it: write tiles, bundles, key and history, and sign a
// checkpoint into the build's client/ledger/ (site.ts refuses anything inconsistent).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/command.ts';
import type { PublishStep } from '../publish/steps.ts';
import type { Db } from '../db/client.ts';
import { createKeyFile, ledgerKeyPath, ledgerOrigin, loadLedgerSigner } from './keys.node.ts';
import { appendPublished } from './publish.ts';
import { LedgerError } from './store.ts';
import { writeLedgerSite } from './site.ts';

/**
 * A first start has no key yet: make one (outside the repository and the build). Once a
 * checkpoint was signed, a missing key is an error: a new key would break every verifier.
 */
export function ensureLedgerKey(db: Db, log: (m: string) => void): void {
  const path = ledgerKeyPath();
  if (existsSync(path)) return;
  const signed = db.$client.prepare('SELECT count(*) AS n FROM ledger_checkpoints').get() as { n: number };
  if (signed.n > 0) {
    throw new LedgerError(`no ledger signing key at ${path}, but ${signed.n} checkpoint(s) were signed with one: restore it (or set GONGKAI_LEDGER_KEY) before publishing`);
  }
  const { vkey } = createKeyFile(path, ledgerOrigin());
  log(`  ledger: new signing key at ${path}; verifier key ${vkey}`);
}

export const LEDGER_STEPS: PublishStep[] = [
  {
    name: 'ledger: append published records',
    when: 'before-build',
    run(ctx) {
      try {
        ensureLedgerKey(ctx.db, ctx.log);
        appendPublished(ctx.db, ctx.log);
      } catch (err) {
        // A refusal is for the person publishing, not a bug: no stack trace (exit 1).
        if (err instanceof LedgerError) throw new UserError(err.message, 1);
        throw err;
      }
    },
  },
  {
    name: 'ledger: tiles and signed checkpoint',
    when: 'after-build',
    async run(ctx) {
      const r = await writeLedgerSite(ctx.db, join(ctx.buildDir, 'client'), loadLedgerSigner(), ledgerOrigin()).catch((err: unknown) => {
        throw err instanceof LedgerError ? new UserError(err.message, 1) : err;
      });
      ctx.log(`  ledger: ${r.size} entries, ${r.signed ? 'new checkpoint signed' : 'checkpoint unchanged'}, ${r.files} files`);
    },
  },
];
