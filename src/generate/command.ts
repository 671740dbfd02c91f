// `./gongkai generate`: writes a synthetic county as CSV files. Prints counts and sizes
// only: the files hold (synthetic) ID numbers, which never go to a terminal or a log.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../cli/command.ts';
import { UserError } from '../cli/command.ts';
import { yuan } from './csv.ts';
import { generateCounty } from './generate.ts';
import { KINDS } from './kinds.ts';

const USAGE = '  ./gongkai generate --scale small|seed --out DIR [--seed N] [--encoding utf8|gb18030] [--messy]';

const size = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
const count = (n: number): string => n.toLocaleString('en-US');

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a synthetic county as CSV files (small sample or the seed county)',
  usage: `${USAGE}\n\n  --seed N        random seed (default 1); the same seed gives the same bytes\n  --encoding E    utf8 (default) or gb18030, as Excel on Chinese Windows saves\n  --messy         write the same data the way Excel exports look (BOM, CRLF, title row, ¥1,234.00, 2025年3月4日 …)`,
  run(args) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          scale: { type: 'string' },
          out: { type: 'string' },
          seed: { type: 'string', default: '1' },
          encoding: { type: 'string', default: 'utf8' },
          messy: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (err) {
      throw new UserError(`${(err as Error).message}\nUsage:\n${USAGE}`);
    }
    const { scale, out, encoding, messy } = values;
    if (scale !== 'small' && scale !== 'seed') throw new UserError(`--scale must be small or seed\nUsage:\n${USAGE}`);
    if (!out) throw new UserError(`--out DIR is required\nUsage:\n${USAGE}`);
    if (encoding !== 'utf8' && encoding !== 'gb18030') throw new UserError('--encoding must be utf8 or gb18030');
    if (!/^\d{1,9}$/.test(values.seed)) throw new UserError('--seed must be a whole number (0–999999999)');
    const seed = Number(values.seed);

    const started = performance.now();
    const m = generateCounty({ scale, out: resolve(out), seed, encoding, messy });
    const seconds = (performance.now() - started) / 1000;
    console.log(`generated the ${scale} county (seed ${seed}, ${encoding}${messy ? ', messy' : ''}) in ${out} in ${seconds.toFixed(1)} s`);
    for (const k of KINDS) {
      const t = m.totals[k.kind];
      const money = t.amountFen === null ? '' : `  ${yuan(t.amountFen).replace(/\B(?=(\d{3})+\.)/g, ',')} 元`;
      console.log(`  ${`${k.kind}.csv`.padEnd(18)} ${count(t.rows).padStart(8)} rows  ${size(t.bytes).padStart(9)}${money}`);
    }
    const fundsFen = m.totals.disbursements.amountFen! + m.totals.projects.amountFen!;
    console.log(`  ${count(m.households)} households paid; all funds together ${(fundsFen / 1e6).toFixed(2)} 万元`);
    return 0;
  },
};
