// Before the browser tests: a fresh database with the sample county, and a built site.
// `./gongkai test` points GONGKAI_DB / GONGKAI_SITE_DIR at a temporary directory.
import { openMigrated } from '../../src/db/client.ts';
import { buildSite } from '../../src/publish/build.ts';
import { loadSampleCounty } from '../../src/publish/sample.ts';

export default async function globalSetup(): Promise<void> {
  if (!process.env.GONGKAI_E2E_DIR) throw new Error('run the browser tests through ./gongkai test (it prepares a private database)');
  const db = openMigrated();
  await loadSampleCounty(db, () => {});
  db.$client.close();
  await buildSite({ log: () => {} });
}
