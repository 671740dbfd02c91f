// Back-office roles (issue 6). One person may hold several; the rule that the uploader of a
// batch never approves it is enforced per batch in src/backoffice/review.ts, not by roles.
export const ROLES = ['admin', 'uploader', 'reviewer', 'registrar', 'handler'] as const;
export type Role = (typeof ROLES)[number];

/** Is `name` one of the roles? */
export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/** Role names as shown to staff (zh / en), for the CLI and the accounts page. */
export const ROLE_LABELS: Record<Role, readonly [string, string]> = {
  admin: ['系统管理员', 'administrator'],
  uploader: ['财务上传员', 'finance uploader'],
  reviewer: ['审核员（公开办）', 'reviewer (disclosure office)'],
  registrar: ['登记员', 'registrar'],
  handler: ['部门经办人', 'department handler'],
};
