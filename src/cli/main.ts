// `./gongkai COMMAND …`: dispatch to a command from the registry.
import { commands } from './commands.ts';
import { UserError, type Command } from './command.ts';

function help(): void {
  const width = Math.max(...commands.map((c) => c.name.length));
  console.log('gongkai — 公开 disclosure portal\n\nUsage: ./gongkai COMMAND [options]\n');
  for (const c of commands) console.log(`  ${c.name.padEnd(width)}  ${c.summary}`);
  console.log('\n./gongkai help COMMAND shows a command\'s options.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const target = rest[0] && commands.find((c) => c.name === rest[0]);
    if (target) console.log(`${target.summary}\n\nUsage:\n${target.usage}`);
    else help();
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`gongkai: unknown command "${name}"\n`);
    help();
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`gongkai ${name}: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
// Benchmarks read the command's own peak memory from this line.
if (process.env.GONGKAI_REPORT_RSS) console.error(`peak_rss_kb=${process.resourceUsage().maxRSS}`);
