// The Atom feed (RFC 4287) of new publications: notices and policies, and funds whose
// payments went public.
import type { Locale } from './i18n/index.ts';
import { t } from './i18n/index.ts';
import { localePath, paths } from './paths.ts';
import type { Publication } from './publications.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feed document for one locale; `site` is the absolute origin, e.g. https://gk.example.gov.cn */
export function atomFeed(locale: Locale, site: string, items: readonly Publication[]): string {
  const abs = (p: string) => new URL(localePath(locale, p), site).href;
  const updated = `${items[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const entries = items
    .slice(0, 50)
    .map(
      (p) => `  <entry>
    <id>${esc(abs(p.path))}#${esc(p.key)}</id>
    <title>${esc(p.title)}</title>
    <link rel="alternate" href="${esc(abs(p.path))}"/>
    <updated>${p.date}T00:00:00Z</updated>${p.summary ? `\n    <summary>${esc(p.summary)}</summary>` : ''}
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale === 'en' ? 'en' : 'zh-CN'}">
  <id>${esc(abs(paths.home()))}</id>
  <title>${esc(t(locale, 'feed.title'))}</title>
  <link rel="self" href="${esc(abs(paths.feed()))}"/>
  <link rel="alternate" href="${esc(abs(paths.home()))}"/>
  <author><name>${esc(t(locale, 'site.name'))}</name></author>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
