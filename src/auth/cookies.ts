// Cookie attributes for the session and CSRF cookies: HttpOnly, SameSite=Strict, path /,
// and Secure when the request came over HTTPS. Plain-HTTP localhost (development, the
// browser tests) therefore still works — and a deployment MUST terminate TLS in front of
// the server and pass https through (the URL Astro sees), or the cookie goes unsecured.
export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: string;
  secure: boolean;
  maxAge?: number;
}

export function cookieOptions(url: URL, maxAgeSeconds?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: url.protocol === 'https:', ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}
