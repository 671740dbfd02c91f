// The shape of a CLI command. Each domain exports its commands; src/cli/commands.ts lists
// them. A command returns its exit code; throwing a UserError prints the message alone
// (no stack trace), anything else is a bug and prints the stack.
export interface Command {
  name: string;
  /** one line for `gongkai help` */
  summary: string;
  /** usage line(s) shown by `gongkai help NAME` and on a usage error */
  usage: string;
  run(args: string[]): Promise<number> | number;
}

/** An error whose message is meant for the person at the terminal. */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
