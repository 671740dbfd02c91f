// Types of what the middleware (src/middleware.ts) puts on Astro.locals for live routes.
declare namespace App {
  interface Locals {
    /** the signed-in back-office user, or null */
    staff: {
      id: number;
      username: string;
      displayName: string;
      roles: import('./auth/roles.ts').Role[];
      departmentCode: string | null;
    } | null;
    /** the CSRF token to put in forms (`_csrf`) or the X-CSRF-Token header */
    csrfToken: string;
  }
}
