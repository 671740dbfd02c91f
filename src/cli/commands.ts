// Every `./gongkai` command, in the order `help` lists them. Each domain owns its
// commands; add yours here (one import, one entry).
import type { Command } from './command.ts';
import { migrateCommand } from '../db/commands.ts';
import { importCommand, loadCommand } from '../import/commands.ts';
import { buildCommand } from '../publish/commands.ts';
import { serveCommand, startCommand } from '../server/commands.ts';
import { testCommand } from './test.ts';
import { benchCommand } from './bench.ts';
import { ledgerCommand, verifyCommand } from '../ledger/commands.ts';
import { generateCommand } from '../generate/command.ts';
import { userCommand } from '../auth/commands.ts';
import { rollbackCommand } from '../backoffice/commands.ts';

export const commands: Command[] = [
  startCommand,
  buildCommand,
  serveCommand,
  testCommand,
  migrateCommand,
  generateCommand,
  importCommand,
  loadCommand,
  ledgerCommand,
  verifyCommand,
  benchCommand,
  userCommand,
  rollbackCommand,
];
