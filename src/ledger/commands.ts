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

const LEDGER_USAGE = `  ./gongkai ledger keygen [--name NAME] [--out PATH]
  ./gongkai ledger pending
  ./gongkai ledger correct KIND:ID… | --all
  ./gongkai ledger build --out DIR

  keygen   writes a new Ed25519 signing key (c2sp signed-note form) to PATH, default
           $GONGKAI_LEDGER_KEY or data/secrets/ledger.key, mode 0600, and prints its verifier
           key. NAME defaults to the checkpoint origin ($GONGKAI_LEDGER_ORIGIN, else the site
           URL without scheme + /ledger). \`start\`/\`build\` make one on first publish.
  pending  lists published records whose public value changed (or that were withdrawn)
           without a correction; publishing refuses while there are any
  correct  records those changes as corrections: a new ledger entry per record, naming the
           entry it supersedes (a withdrawn record gets {"withdrawn":true})
  build    appends newly published records and writes DIR/ledger (tiles, bundles, signed
           checkpoint) without building the site: for checks and very large counties`;

async function ledgerKeygen(rest: string[]): Promise<number> {
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
}

async function ledgerData(sub: string, rest: string[]): Promise<number> {
  const { openMigrated } = await import('../db/client.ts');
  const pub = await import('./publish.ts');
  // Every area's ledger sources, as publishing sees them (steps.ts registers them).
  await import('../publish/steps.ts');
  const { LedgerError } = await import('./store.ts');
  const db = openMigrated();
  try {
    if (sub === 'pending') {
      if (rest.length) throw new UserError(`ledger pending takes no arguments\n${LEDGER_USAGE}`);
      const { drift, fresh } = pub.diffLedger(db);
      console.log(`${fresh.length} new record(s) will be appended at the next publish`);
      if (!drift.length) console.log('no published record changed without a correction');
      else {
        console.log(`${drift.length} published record(s) changed without a correction (publishing refuses until corrected):`);
        for (const d of drift) console.log(`  ${pub.describeDrift(db, d)}`);
      }
      return 0;
    }
    if (sub === 'correct') {
      const all = rest.includes('--all');
      const keys = rest.filter((a) => a !== '--all');
      if (all === keys.length > 0) throw new UserError(`name the records (KIND:ID) or pass --all\n${LEDGER_USAGE}`);
      const done = pub.correctRecords(db, all ? undefined : keys);
      for (const c of done) console.log(`${c.kind}:${c.id}: version ${c.version} is ledger entry ${c.idx}, superseding entry ${c.supersedes}`);
      console.log(`${done.length} correction(s) recorded; they are signed at the next publish`);
      return 0;
    }
    // build
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true });
    if (!values.out) throw new UserError(`ledger build needs --out DIR\n${LEDGER_USAGE}`);
    const { ensureLedgerKey } = await import('./publish-steps.ts');
    const { loadLedgerSigner, ledgerOrigin } = await import('./keys.node.ts');
    const { writeLedgerSite } = await import('./site.ts');
    const t0 = performance.now();
    ensureLedgerKey(db, console.log);
    const { appended, size } = pub.appendPublished(db, console.log);
    const t1 = performance.now();
    const r = await writeLedgerSite(db, values.out, loadLedgerSigner(), ledgerOrigin());
    const t2 = performance.now();
    console.log(`appended ${appended} in ${((t1 - t0) / 1000).toFixed(1)} s; wrote ${r.files} files (${(r.bytes / 1e6).toFixed(0)} MB) for ${size} entries in ${((t2 - t1) / 1000).toFixed(1)} s → ${values.out}/ledger`);
    return 0;
  } catch (err) {
    if (err instanceof LedgerError) throw new UserError(err.message, 1);
    throw err;
  } finally {
    db.$client.close();
  }
}

export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'transparency ledger tools: keygen, pending, correct, build',
  usage: LEDGER_USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'keygen') return ledgerKeygen(rest);
    if (sub === 'pending' || sub === 'correct' || sub === 'build') return ledgerData(sub, rest);
    throw new UserError(`unknown subcommand ${JSON.stringify(sub ?? '')}\n${LEDGER_USAGE}`);
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
