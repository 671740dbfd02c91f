// Site URLs in one place, so pages, feeds, sitemaps and tests agree. zh-CN lives at the root,
// English under /en (astro.config.mjs: prefixDefaultLocale false). Paths end in '/', the
// way the directory-format build writes them.
import type { Locale } from './i18n/index.ts';

/** `path` ('/funds/') as seen in `locale`: '/funds/' or '/en/funds/'. */
export function localePath(locale: Locale, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return locale === 'en' ? `/en${p === '/' ? '/' : p}` : p;
}

/** The same page in the other locale, from the current URL path. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const bare = pathname === '/en' || pathname.startsWith('/en/') ? pathname.slice(3) || '/' : pathname;
  return localePath(to, bare);
}

/** Encode one path segment (codes are ASCII, office names may be Chinese). */
export const seg = (s: string | number): string => encodeURIComponent(String(s));

export const paths = {
  home: () => '/',
  funds: () => '/funds/',
  fundFilter: (year: string, office: string, kind: string) => `/funds/filter/${seg(year)}/${seg(office)}/${seg(kind)}/`,
  fund: (code: string) => `/funds/${seg(code)}/`,
  villages: () => '/villages/',
  village: (code: string, page = 1) => (page <= 1 ? `/villages/${seg(code)}/` : `/villages/${seg(code)}/${page}/`),
  projects: (page = 1) => (page <= 1 ? '/projects/' : `/projects/page/${page}/`),
  project: (code: string) => `/projects/${seg(code)}/`,
  budgets: () => '/budgets/',
  budgetUnit: (code: string) => `/budgets/${seg(code)}/`,
  staffing: () => '/staffing/',
  institution: (code: string) => `/staffing/${seg(code)}/`,
  notices: () => '/notices/',
  notice: (id: string) => `/notices/${seg(id)}/`,
  downloads: () => '/downloads/',
  feed: () => '/feed.xml',
  search: () => '/search/',
  /** the transparency ledger's check page (issue 7) */
  verify: () => '/verify/',
  inquiries: () => '/inquiries/',
  kiosk: () => '/kiosk/',
  /** the inquiry form (issue: inquiries), prefilled as a complaint about one record */
  report: (record: string) => `/inquiries/new?type=complaint&record=${encodeURIComponent(record).replace(/%3A/gi, ':')}`,
  /** data files are the same for every locale */
  data: (file: string) => `/downloads/${file}`,
} as const;
