// Who may use which back-office area (issue 6). Pages pass these to requireRole; the
// navigation shows only what the person may open. An empty list means any signed-in staff.
// Least privilege: an administrator manages accounts and reads the audit log but does not
// upload or approve unless also given those roles.
import type { Role } from '../auth/roles.ts';

export const ACCESS = {
  home: [],
  uploads: ['uploader'],
  review: ['reviewer'],
  publish: ['uploader', 'reviewer', 'admin'],
  /** start a publish by hand (retry after a failed build) */
  publishRun: ['reviewer', 'admin'],
  funds: ['uploader', 'reviewer', 'admin'],
  /** the inquiries desk (src/inquiries/desk.ts) */
  inquiries: ['admin', 'registrar', 'handler', 'reviewer'],
  audit: ['admin'],
  users: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ACCESS;

/** The roles of an area, as requireRole's rest arguments want them. */
export const rolesFor = (area: Area): Role[] => [...ACCESS[area]];
