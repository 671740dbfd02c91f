// Shared helpers for the public-site browser tests: the build and database the suite
// runs against (./gongkai test points GONGKAI_DB / GONGKAI_SITE_DIR at a private copy).
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/db/client.ts';
import { currentBuild } from '../../../src/publish/paths.ts';

/** The client/ directory of the build being served. */
export function clientDir(): string {
  const build = currentBuild();
  if (!build) throw new Error('no current build: run through ./gongkai test');
  return join(build, 'client');
}

/** A read-only handle on the test database. */
export function testDb(): Db {
  return openDb(undefined, { readonly: true });
}

/** One page of each type, the way a citizen reaches it, in one locale ('' or '/en'). */
export function pageTypeUrls(db: Db, prefix: '' | '/en'): string[] {
  const q = db.$client;
  const one = (sql: string) => q.prepare(sql).pluck().get() as string;
  const fund = one(`SELECT code FROM funds WHERE kind = 'household' ORDER BY code LIMIT 1`);
  const projectFund = one(`SELECT code FROM funds WHERE kind = 'project' ORDER BY code LIMIT 1`);
  const village = one(`SELECT v.code FROM villages v JOIN disbursements d ON d.village_id = v.id GROUP BY v.id ORDER BY count(*) DESC LIMIT 1`);
  const project = one('SELECT code FROM projects ORDER BY code LIMIT 1');
  const unit = one('SELECT code FROM budget_units ORDER BY code LIMIT 1');
  const inst = one('SELECT i.code FROM institutions i JOIN staff s ON s.institution_id = i.id GROUP BY i.id ORDER BY count(*) DESC LIMIT 1');
  return [
    '/',
    '/funds/',
    '/funds/filter/all/all/household/',
    `/funds/${fund}/`,
    `/funds/${projectFund}/`,
    '/villages/',
    `/villages/${village}/`,
    '/projects/',
    `/projects/${project}/`,
    '/budgets/',
    `/budgets/${unit}/`,
    '/staffing/',
    `/staffing/${inst}/`,
    '/notices/',
    '/notices/2025-portal-launch/',
    '/downloads/',
  ].map((p) => `${prefix}${p}`);
}
