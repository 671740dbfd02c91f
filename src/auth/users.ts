// Staff accounts: created, reset and disabled from the CLI (`./gongkai user …`), read by
// login and the accounts page.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { isRole, type Role } from './roles.ts';
import { staffUsers, type StaffUser } from './schema.ts';
import { destroyUserSessions } from './sessions.ts';

/** What Astro.locals.staff holds for a signed-in person (the auth contract). */
export interface Staff {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentCode: string | null;
}

export function toStaff(u: StaffUser): Staff {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles.filter(isRole), departmentCode: u.departmentCode };
}

export class AccountError extends Error {}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentCode?: string | null;
}

/** Create an account. Throws AccountError for a taken name or a weak password. */
export async function addUser(db: Db, u: NewUser): Promise<StaffUser> {
  const username = u.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AccountError('用户名为 2–32 个小写字母、数字或 . _ - / a username is 2–32 lower-case letters, digits, . _ -');
  if (u.roles.length === 0) throw new AccountError('至少需要一个角色 / at least one role');
  if (u.roles.includes('handler') && !u.departmentCode) throw new AccountError('部门经办人必须指定部门（--department 预算单位编码） / a handler needs --department CODE');
  const weak = passwordProblem(u.password);
  if (weak) throw new AccountError(weak);
  if (findUser(db, username)) throw new AccountError(`用户“${username}”已存在 / user "${username}" exists`);
  const passwordHash = await hashPassword(u.password);
  return db
    .insert(staffUsers)
    .values({ username, displayName: u.displayName.trim() || username, passwordHash, roles: [...new Set(u.roles)], departmentCode: u.departmentCode ?? null, createdAt: new Date().toISOString() })
    .returning()
    .get();
}

/** Set a new password (and re-enable the account); ends the user's sessions. */
export async function resetPassword(db: Db, username: string, password: string): Promise<StaffUser> {
  const user = mustFind(db, username);
  const weak = passwordProblem(password);
  if (weak) throw new AccountError(weak);
  const passwordHash = await hashPassword(password);
  db.update(staffUsers).set({ passwordHash, disabled: false }).where(eq(staffUsers.id, user.id)).run();
  destroyUserSessions(db, user.id);
  return user;
}

/** Disable an account and end its sessions (accounts are never deleted: the audit log names them). */
export function disableUser(db: Db, username: string): StaffUser {
  const user = mustFind(db, username);
  db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.id, user.id)).run();
  destroyUserSessions(db, user.id);
  return user;
}

export function findUser(db: Db, username: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.username, username.trim().toLowerCase())).get();
}

export function listUsers(db: Db): StaffUser[] {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.username)).all();
}

function mustFind(db: Db, username: string): StaffUser {
  const u = findUser(db, username);
  if (!u) throw new AccountError(`没有用户“${username}” / no user "${username}"`);
  return u;
}
