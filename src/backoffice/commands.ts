// `./gongkai rollback`: make the build before the live one live again (issue 6).
import type { Command } from '../cli/command.ts';
import { UserError } from '../cli/command.ts';

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'serve the previous build again (undo the last publish)',
  usage: `  ./gongkai rollback
  Repoints data/site/current at the build before it (atomic, like a publish). The database
  is not changed: the next publish builds from it again.`,
  async run() {
    const [{ rollbackSite }, { openMigrated }, { audit }, { userInfo }, { basename }] = await Promise.all([
      import('./publisher.ts'),
      import('../db/client.ts'),
      import('../auth/audit.ts'),
      import('node:os'),
      import('node:path'),
    ]);
    let moved: { from: string; to: string };
    try {
      moved = rollbackSite();
    } catch (err) {
      throw new UserError((err as Error).message, 1);
    }
    const db = openMigrated();
    audit(db, { actorId: null, action: 'site.rollback', target: `build:${basename(moved.to)}`, detail: { via: 'cli', osUser: userInfo().username, from: basename(moved.from) } });
    db.$client.close();
    console.log(`已回退 rolled back: ${basename(moved.from)} → ${basename(moved.to)}`);
    return 0;
  },
};
