// `./gongkai user add|reset|disable|list`: staff accounts are managed from the terminal by
// whoever runs the server (issue 6). Passwords come from stdin (--password-stdin) or are
// generated and printed once; they never appear in argv (visible in `ps`) or in a log.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { UserError, type Command } from '../cli/command.ts';
import { isRole, ROLES, type Role } from './roles.ts';

const USAGE = `  ./gongkai user add NAME --roles uploader,reviewer [--display 显示名] [--department CODE] [--password-stdin]
  ./gongkai user reset NAME [--password-stdin]     new password; ends the user's sessions, re-enables
  ./gongkai user disable NAME                       refuse further logins; ends sessions
  ./gongkai user list
  Roles: ${ROLES.join(', ')}. A handler needs --department (a budget unit code).
  Without --password-stdin a random password is generated and printed once.`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function passwordFrom(values: { 'password-stdin'?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (values['password-stdin']) return { password: await readStdinLine(), generated: false };
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

export const userCommand: Command = {
  name: 'user',
  summary: 'manage back-office accounts: add, reset, disable, list',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { roles: { type: 'string' }, display: { type: 'string' }, department: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
    const [action, name] = positionals;
    const [{ openMigrated }, users, { audit }] = await Promise.all([import('../db/client.ts'), import('./users.ts'), import('./audit.ts')]);
    const db = openMigrated();
    const by = { via: 'cli', osUser: userInfo().username };
    try {
      if (action === 'list') {
        for (const u of users.listUsers(db)) {
          console.log(`${u.username.padEnd(16)} ${u.disabled ? '[停用 disabled] ' : ''}${u.roles.join(',')}${u.departmentCode ? ` @${u.departmentCode}` : ''}  ${u.displayName}`);
        }
        return 0;
      }
      if (!name || positionals.length !== 2) throw new UserError(`usage:\n${USAGE}`);
      if (action === 'add') {
        const roles = (values.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
        const bad = roles.filter((r) => !isRole(r));
        if (bad.length || roles.length === 0) throw new UserError(`--roles: one or more of ${ROLES.join(', ')}${bad.length ? ` (not roles: ${bad.join(', ')})` : ''}`);
        const { password, generated } = await passwordFrom(values);
        const u = await users.addUser(db, { username: name, displayName: values.display ?? name, password, roles: roles as Role[], departmentCode: values.department ?? null });
        audit(db, { actorId: null, action: 'user.add', target: `user:${u.username}`, detail: { ...by, roles: u.roles, departmentCode: u.departmentCode } });
        console.log(`已创建 created ${u.username} (${u.roles.join(', ')})`);
        if (generated) console.log(`初始密码 password: ${password}`);
        return 0;
      }
      if (action === 'reset') {
        const { password, generated } = await passwordFrom(values);
        const u = await users.resetPassword(db, name, password);
        audit(db, { actorId: null, action: 'user.reset', target: `user:${u.username}`, detail: by });
        console.log(`已重置 reset ${u.username}; 其会话已结束 sessions ended`);
        if (generated) console.log(`新密码 password: ${password}`);
        return 0;
      }
      if (action === 'disable') {
        const u = users.disableUser(db, name);
        audit(db, { actorId: null, action: 'user.disable', target: `user:${u.username}`, detail: by });
        console.log(`已停用 disabled ${u.username}`);
        return 0;
      }
      throw new UserError(`usage:\n${USAGE}`);
    } catch (err) {
      if (err instanceof users.AccountError) throw new UserError(err.message);
      throw err;
    } finally {
      db.$client.close();
    }
  },
};
