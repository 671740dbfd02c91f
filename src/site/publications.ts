// "Latest publications": notices and policy documents from content/, and each fund's data
// going public, newest first. Feeds the overview and the Atom feed.
import type { FundSummary } from '../funds/queries.ts';
import type { Locale } from './i18n/index.ts';
import { t } from './i18n/index.ts';
import { paths } from './paths.ts';

export interface NoticeInput {
  id: string;
  data: { title: string; titleEn?: string | undefined; date: string; summary?: string | undefined; summaryEn?: string | undefined };
}

export interface Publication {
  /** YYYY-MM-DD */
  date: string;
  title: string;
  summary: string | null;
  /** site path without locale prefix */
  path: string;
  /** stable id for the feed */
  key: string;
}

/** Notices and fund publications merged, newest first. */
export function publications(locale: Locale, notices: readonly NoticeInput[], funds: readonly FundSummary[]): Publication[] {
  const items: Publication[] = notices.map((n) => ({
    date: n.data.date,
    title: (locale === 'en' ? n.data.titleEn : undefined) ?? n.data.title,
    summary: (locale === 'en' ? n.data.summaryEn : undefined) ?? n.data.summary ?? null,
    path: paths.notice(n.id),
    key: `notice:${n.id}`,
  }));
  for (const f of funds) {
    if (!f.publishedOn) continue;
    items.push({
      date: f.publishedOn,
      title: t(locale, 'feed.fundPublished', { name: f.name, code: f.code }),
      summary: null,
      path: paths.fund(f.code),
      key: `fund:${f.code}`,
    });
  }
  return items.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? 1 : -1));
}
