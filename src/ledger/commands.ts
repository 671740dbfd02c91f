// `./gongkai ledger keygen` and `./gongkai verify`. Heavy modules load inside run() so the
// rest of the CLI starts fast.
import { parseArgs } from 'node:util';
import { UserError, type Command } from '../cli/command.ts';

const VERIFY_USAGE = `  ./gongkai verify SITE [--key VKEY] [--origin ORIGIN] [--since OLD_CHECKPOINT]
  ./gongkai verify record INDEX [SITE] [--key VKEY] [--origin ORIGIN] [--receipt FILE]
  ./gongkai verify receipt FILE --key VKEY [--origin ORIGIN]

  SITE      a directory or http(s) URL laid out per c2sp.org/tlog-tiles: the log itself or a
            built site with the log under ledger/ (verify record: default the live site,
            $GONGKAI_SITE_DIR/current/client with data/site by default, else dist/client)
  --key     verifier key name+hash+base64, or a file or URL holding one; without it the
            site's own ledger/vkey is used, which proves self-consistency, not who signed
  --origin  the checkpoint origin to expect
  --since   an earlier signed checkpoint (file or URL) that the current one must extend
  --receipt write the record's c2sp.org/tlog-proof (with the entry) to FILE; verify receipt
            checks such a file offline`;

export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'transparency ledger tools: keygen',
  usage: `  ./gongkai ledger keygen [--name NAME] [--out PATH]

  Writes a new Ed25519 signing key (c2sp signed-note form) to PATH, default $GONGKAI_LEDGER_KEY
  or data/secrets/ledger.key, mode 0600, and prints its verifier key. NAME defaults to the
  checkpoint origin ($GONGKAI_LEDGER_ORIGIN, else the site URL without scheme + /ledger).`,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'keygen') throw new UserError(`unknown subcommand ${JSON.stringify(sub ?? '')}\n${this.usage}`);
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, out: { type: 'string' } }, strict: true });
    const { createKeyFile, ledgerKeyPath, ledgerOrigin } = await import('./keys.node.ts');
    const path = values.out ?? ledgerKeyPath();
    const name = values.name ?? ledgerOrigin();
    let vkey: string;
    try {
      ({ vkey } = createKeyFile(path, name));
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    console.log(`signing key written to ${path} (mode 0600); keep it out of backups anyone else can read`);
    console.log(`verifier key (publish it; give it to auditors):\n${vkey}`);
    return 0;
  },
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify a published transparency ledger (or one record of it)',
  usage: VERIFY_USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { key: { type: 'string' }, origin: { type: 'string' }, since: { type: 'string' }, receipt: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const run = await import('./verify-cli.ts');
    const opts = { key: values.key, origin: values.origin, since: values.since, receipt: values.receipt };
    try {
      if (positionals[0] === 'record' && positionals.length >= 2) {
        if (values.since) throw new UserError('--since applies to verifying a whole site');
        return await run.verifyRecordCommand(positionals[1]!, positionals[2], opts);
      }
      if (positionals[0] === 'receipt' && positionals.length === 2) return await run.verifyReceiptCommand(positionals[1]!, opts);
      if (positionals.length !== 1) throw new UserError(`expected one SITE\n${VERIFY_USAGE}`, 2);
      return await run.verifySiteCommand(positionals[0]!, opts);
    } catch (err) {
      if (err instanceof UserError) throw err;
      if (err instanceof run.VerifyError || err instanceof run.NoteError || err instanceof run.ProofError) {
        throw new UserError(`FAILED: ${err.message}`, 1);
      }
      throw err;
    }
  },
};
