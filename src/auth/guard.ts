// Route guards for back-office pages and endpoints (issue 6). Call at the top of a page's
// frontmatter or an endpoint:
//   const denied = requireRole(Astro, 'reviewer'); if (denied) return denied;
// null = allowed; anonymous → 302 to /admin/login?next=…; signed in without the role → 403.
import type { Role } from './roles.ts';
import type { Staff } from './users.ts';

/** The part of Astro's page or endpoint context a guard needs. */
export interface GuardContext {
  locals: { staff: Staff | null };
  url: URL;
}

/** Does this person hold one of `roles` (any role at all when none are named)? */
export function hasRole(staff: Staff | null, roles: readonly Role[]): boolean {
  if (!staff) return false;
  return roles.length === 0 || roles.some((r) => staff.roles.includes(r));
}

/** null when the signed-in person holds one of `roles` (or any role if none given); else the Response to return. */
export function requireRole(context: GuardContext, ...roles: Role[]): Response | null {
  const staff = context.locals.staff;
  if (!staff) {
    const next = context.url.pathname + context.url.search;
    return new Response(null, { status: 302, headers: { Location: `/admin/login?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' } });
  }
  if (hasRole(staff, roles)) return null;
  return forbidden('您的账号没有访问此页面的权限。', 'Your account does not have permission for this page.');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain 403 page in Chinese and English (no script, no layout: it must never fail). */
export function forbidden(zh: string, en: string, status = 403): Response {
  const title = status === 403 ? '无权访问 Forbidden' : `错误 ${status}`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6">
<h1>${title}</h1><p>${escape(zh)}</p><p lang="en">${escape(en)}</p><p><a href="/admin">返回后台首页</a> · <a href="/admin" lang="en">Back-office home</a></p></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
