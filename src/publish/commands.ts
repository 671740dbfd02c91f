// `gongkai build`: build the site from the database into a new directory and make it live.
import { parseArgs } from 'node:util';
import type { Command } from '../cli/command.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the public site from the database and make it the live one',
  usage: `  ./gongkai build [--no-swap]
  Builds into data/site/builds/<time>/ and repoints data/site/current atomically.
  --no-swap  build only; leave the live site as it is`,
  async run(args) {
    const { values } = parseArgs({ args, options: { 'no-swap': { type: 'boolean' } } });
    const { buildSite } = await import('./build.ts');
    const result = await buildSite({ swap: !values['no-swap'] });
    console.log(`built ${result.pages} pages in ${result.seconds.toFixed(1)} s → ${result.dir}`);
    return 0;
  },
};
