// POST /admin/logout: end the session (CSRF-checked by the middleware like every admin POST).
import type { APIRoute } from 'astro';
import { liveDb } from '../../db/live.ts';
import { audit } from '../../auth/audit.ts';
import { clientIp } from '../../auth/client.ts';
import { destroySession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { requireRole } from '../../auth/guard.ts';

export const prerender = false;

export const POST: APIRoute = (context) => {
  const denied = requireRole(context);
  if (denied) return denied;
  const db = liveDb();
  destroySession(db, context.cookies.get(SESSION_COOKIE)?.value);
  audit(db, { actorId: context.locals.staff!.id, action: 'logout', target: `user:${context.locals.staff!.username}`, ip: clientIp(context) });
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
  return context.redirect('/admin/login?bye=1', 303);
};
