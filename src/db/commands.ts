import type { Command } from '../cli/command.ts';
import { dbPath, openMigrated } from './client.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the committed database migrations ($GONGKAI_DB)',
  usage: '  ./gongkai migrate',
  run() {
    const db = openMigrated();
    db.$client.close();
    console.log(`migrated ${dbPath()}`);
    return 0;
  },
};
