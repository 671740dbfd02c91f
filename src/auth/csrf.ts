// CSRF protection for every non-GET request under /admin (issue 6). Signed-in staff carry a
// per-session token (staff_sessions.csrf_token); anonymous visitors (the login form) get a
// double-submit token in the `gk_csrf` cookie. A request must echo the token in the form
// field `_csrf` or the `X-CSRF-Token` header (JSON posts). Cookies are SameSite=Strict too,
// and Astro's checkOrigin guards form posts: three locks, each enough on its own.
import { timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Constant-time comparison of two tokens; empty or missing never matches. */
export function tokensMatch(expected: string | null | undefined, given: string | null | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Methods that change nothing and need no token. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/**
 * The token a request presents: the header, else the `_csrf` field of a form body. Reads a
 * clone, so the endpoint can still read the body.
 */
export async function presentedToken(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
