// `gongkai serve` and `gongkai start` (migrate, load the sample county if empty, build, serve).
import type { Command } from '../cli/command.ts';

async function serve(): Promise<number> {
  const { createGongkaiServer, listen } = await import('./server.ts');
  const server = createGongkaiServer();
  const url = await listen(server);
  console.log(`公开 Gongkai is serving ${url}  (Ctrl-C to stop)`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {}); // until a signal
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the live build and the inquiry/back-office endpoints (HOST, PORT)',
  usage: '  ./gongkai serve        HOST=0.0.0.0 PORT=8080 ./gongkai serve',
  run: serve,
};

export const startCommand: Command = {
  name: 'start',
  summary: 'migrate, load the sample county if the database is empty, build, serve',
  usage: '  ./gongkai start        (HOST/PORT as for serve; GONGKAI_DB picks the database)',
  async run() {
    const [{ count }, { openMigrated }, { importBatches }, { buildSite }, { loadSampleCounty, SAMPLE_DIR }] = await Promise.all([
      import('drizzle-orm'),
      import('../db/client.ts'),
      import('../import/schema.ts'),
      import('../publish/build.ts'),
      import('../publish/sample.ts'),
    ]);
    const db = openMigrated();
    const batches = db.select({ n: count() }).from(importBatches).get()?.n ?? 0;
    if (batches === 0) {
      console.log(`empty database: loading the sample county from ${SAMPLE_DIR}`);
      await loadSampleCounty(db);
    }
    db.$client.close();
    const built = await buildSite();
    console.log(`built ${built.pages} pages in ${built.seconds.toFixed(1)} s`);
    return serve();
  },
};
