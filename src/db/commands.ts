import type { Command } from '../cli/command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the committed database migrations ($GONGKAI_DB)',
  usage: '  ./gongkai migrate',
  async run() {
    const { dbPath, openMigrated } = await import('./client.ts');
    const db = openMigrated();
    db.$client.close();
    console.log(`migrated ${dbPath()}`);
    return 0;
  },
};
