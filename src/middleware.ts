// Request middleware for the live routes (prerendered pages never pass here at run time):
// resolve the staff session into Astro.locals.staff, give every request a CSRF token in
// Astro.locals.csrfToken, refuse any non-GET under /admin without that token (issue 6),
// and add the back office's security headers. One concern per module: see src/auth/.
import { defineMiddleware } from 'astro:middleware';
import { liveDb } from './db/live.ts';
import { CSRF_COOKIE, isSafeMethod, presentedToken, tokensMatch } from './auth/csrf.ts';
import { forbidden } from './auth/guard.ts';
import { resolveSession, SESSION_COOKIE, newToken } from './auth/sessions.ts';
import { toStaff } from './auth/users.ts';
import { cookieOptions } from './auth/cookies.ts';

const ADMIN = /^\/admin(\/|$)/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { cookies, url, request } = context;
  const db = liveDb();
  const token = cookies.get(SESSION_COOKIE)?.value;
  const session = token ? resolveSession(db, token) : null;
  if (token && !session) cookies.delete(SESSION_COOKIE, { path: '/' });
  context.locals.staff = session ? toStaff(session.user) : null;

  let csrf = session?.csrfToken;
  if (!csrf) {
    csrf = cookies.get(CSRF_COOKIE)?.value;
    if (!csrf || !TOKEN.test(csrf)) {
      csrf = newToken();
      cookies.set(CSRF_COOKIE, csrf, cookieOptions(url));
    }
  }
  context.locals.csrfToken = csrf;

  const admin = ADMIN.test(url.pathname);
  if (admin && !isSafeMethod(request.method) && !tokensMatch(csrf, await presentedToken(request))) {
    return forbidden('表单已过期或来源无效，请刷新页面后重试。', 'The form has expired or did not come from this site: reload the page and try again.');
  }
  const response = await next();
  return admin ? withAdminHeaders(response) : response;
});

/** Back-office answers are never cached or framed, and name no referrer outside the site. */
function withAdminHeaders(response: Response): Response {
  const set = (r: Response) => {
    r.headers.set('Cache-Control', 'no-store');
    r.headers.set('X-Frame-Options', 'DENY');
    r.headers.set('X-Content-Type-Options', 'nosniff');
    r.headers.set('Referrer-Policy', 'same-origin');
    if (!r.headers.has('Content-Security-Policy')) r.headers.set('Content-Security-Policy', "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'");
    return r;
  };
  try {
    return set(response);
  } catch {
    // Some responses (Response.redirect) have immutable headers: copy them.
    return set(new Response(response.body, response));
  }
}
