// `./gongkai bench NAME`: benchmarks that print figures, the last line one JSON object
// {"bench": NAME, …}. Each domain adds its own here (one entry); modules load on demand.
import { UserError, type Command } from './command.ts';

export interface Bench {
  summary: string;
  run(args: string[]): Promise<number> | number;
}

export const benches: Record<string, Bench> = {
  import: {
    summary: 'import 1,000,000 generated disbursement rows; compare with sqlite3 .import',
    run: async (args) => (await import('../import/bench.ts')).benchImport(args),
  },
  build: {
    summary: 'build the public site for the seed county; compare with a bare Astro project of as many pages',
    run: async (args) => (await import('../site/bench.ts')).benchBuild(args),
  },
  ledger: {
    summary: 'append 1,000,000 ledger leaves, emit all tiles, prove and verify one entry',
    run: async (args) => (await import('../ledger/bench.ts')).benchLedger(args),
  },
  publish: {
    summary: 'seed county: approve a 10,000-row batch, time until its rows are served, count failed requests',
    run: async (args) => (await import('../backoffice/bench.ts')).benchPublish(args),
  },
  inquiries: {
    summary: 'submissions and status reads under autocannon (100 connections); compare with a bare node:http insert',
    run: async (args) => (await import('../inquiries/bench.ts')).benchInquiries(args),
  },
};

const usage = (): string =>
  Object.entries(benches)
    .map(([name, b]) => `  ./gongkai bench ${name.padEnd(8)} ${b.summary}`)
    .join('\n');

export const benchCommand: Command = {
  name: 'bench',
  summary: 'run a benchmark and print its figures',
  get usage() {
    return usage();
  },
  run(args) {
    const [name, ...rest] = args;
    const bench = name === undefined ? undefined : benches[name];
    if (!bench) throw new UserError(`${name ? `unknown benchmark "${name}"` : 'which benchmark?'}\n${usage()}`);
    return bench.run(rest);
  },
};
