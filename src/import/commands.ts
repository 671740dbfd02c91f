// `gongkai import KIND FILE` and `gongkai load DIR`.
import { readdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, type Command } from '../cli/command.ts';
import { progressBar } from '../lib/progress.ts';
import { KIND_NAMES, type KindName } from './kind.ts';
import type { ImportFile, ImportResult } from './run.ts';

const OPTIONS = {
  report: { type: 'string' },
  user: { type: 'string' },
  pending: { type: 'boolean' },
} as const;

async function runImport(files: ImportFile[], values: { report?: string; user?: string; pending?: boolean }): Promise<number> {
  // Loaded here, not at the top: `./gongkai help` should not pay for the database layer.
  const [{ openMigrated }, { importFiles }, { formatResult, writeReport }] = await Promise.all([
    import('../db/client.ts'),
    import('./run.ts'),
    import('./report.ts'),
  ]);
  const db = openMigrated();
  const bar = progressBar();
  let result: ImportResult;
  const started = performance.now();
  try {
    result = await importFiles(db, files, {
      user: values.user ?? `cli:${userInfo().username}`,
      status: values.pending ? 'pending' : 'published',
      progress: (file, bytes, total) => bar.update(bytes, total, file),
    });
  } finally {
    bar.finish();
    db.$client.close();
  }
  console.log(formatResult(result));
  if (result.ok) console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (values.report) {
    writeReport(resolve(values.report), result);
    console.log(`  报告 report: ${values.report} (${result.issueCount} 个问题 problems)`);
  }
  return result.ok ? 0 : 1;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'validate and load one CSV file (all rows or none)',
  usage: `  ./gongkai import KIND FILE [--report ERRORS.csv] [--pending] [--user NAME]
  KIND: ${KIND_NAMES.join(', ')} (see docs/data-formats.md)
  --report   write every problem to a CSV that opens in Excel
  --pending  load as a batch awaiting review instead of publishing it`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    const [kind, file] = positionals;
    if (!kind || !file || positionals.length > 2) throw new UserError(`usage:\n${this.usage}`);
    if (!(KIND_NAMES as readonly string[]).includes(kind)) throw new UserError(`unknown kind "${kind}"; one of: ${KIND_NAMES.join(', ')}`);
    if (!exists(file)) throw new UserError(`no such file: ${file}`);
    return runImport([{ path: resolve(file), kind: kind as KindName }], values);
  },
};

export const loadCommand: Command = {
  name: 'load',
  summary: 'load every CSV of a directory in dependency order, as one all-or-nothing batch',
  usage: `  ./gongkai load DIR [--report ERRORS.csv] [--pending] [--user NAME]
  Each file's kind comes from its name (funds.csv, disbursements-2025.csv …) or its header row.`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    const [dir] = positionals;
    if (!dir || positionals.length > 1) throw new UserError(`usage:\n${this.usage}`);
    if (!exists(dir) || !statSync(dir).isDirectory()) throw new UserError(`no such directory: ${dir}`);
    const files = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.csv'))
      .sort()
      .map((f) => ({ path: resolve(join(dir, f)) }));
    if (files.length === 0) throw new UserError(`no .csv files in ${dir}`);
    return runImport(files, values);
  },
};

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
