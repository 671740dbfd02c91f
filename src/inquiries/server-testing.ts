// Test helper: the real server (`gongkai serve`) in a child process on a free port, with its
// own database, so tests can hit it over HTTP and SIGKILL it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/root.ts';

export interface Served {
  url: string;
  child: ChildProcess;
  /** resolves when the process has exited */
  exited: Promise<void>;
}

/** Start `gongkai serve` on a free port against `db`; resolves once it listens. */
export function serve(db: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'serve'], {
      env: { ...process.env, GONGKAI_DB: db, PORT: '0', HOST: '127.0.0.1', GONGKAI_SITE_DIR: join(db, '..', 'site'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1] as string, child, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}
