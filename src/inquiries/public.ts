// Server side of the public, read-only inquiry pages: the published answers, the answer
// library and the statistics. Thin pages call these; no SQL in .astro files.
import type { AstroGlobal } from 'astro';
import { getCollection } from 'astro:content';
import { liveDb } from '../db/live.ts';
import type { Db } from '../db/client.ts';
import { asLocale, type Locale } from '../site/i18n/index.ts';
import { renderMarkdown } from '../site/markdown.ts';
import { chinaDate } from './calendar.ts';
import { annualReport, type AnnualReport } from './disclosure.ts';
import type { LibraryEntry } from './library.ts';
import { departments, disclosureItems, helpedCounts, publicList, statItems, type PublicItem } from './reads.ts';
import { statistics, type Statistics } from './stats.ts';

export const PER_PAGE = 20;

export interface ListProps {
  locale: Locale;
  q: string;
  page: number;
  pages: number;
  total: number;
  items: PublicItem[];
  departments: Map<string, string>;
}

const deptMap = (db: Db) => new Map(departments(db).map((d) => [d.code, d.name]));

/** Published answers, searched by ?q= and paged by ?page=. */
export function listPage(Astro: AstroGlobal): ListProps {
  const locale = asLocale(Astro.currentLocale);
  const db = liveDb();
  const q = (Astro.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(Astro.url.searchParams.get('page') ?? '1', 10) || 1));
  const { items, total } = publicList(db, q, page, PER_PAGE);
  return { locale, q, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), total, items, departments: deptMap(db) };
}

export interface LibraryProps {
  locale: Locale;
  entries: (LibraryEntry & { questionEn: string | undefined; helped: number })[];
  helpedTotal: number;
  departments: Map<string, string>;
  helpedSlug: string | null;
}

/** The answer library as entries with their HTML, for the JSON index and the page. */
export async function libraryEntries(): Promise<(LibraryEntry & { questionEn: string | undefined })[]> {
  const all = await getCollection('answers');
  return all
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({ slug: e.id, question: e.data.question, questionEn: e.data.questionEn, keywords: e.data.keywords, department: e.data.department, html: renderMarkdown(e.body ?? '') }));
}

/** The library page, with each entry's "this answered my question" count. */
export async function libraryPage(Astro: AstroGlobal): Promise<LibraryProps> {
  const locale = asLocale(Astro.currentLocale);
  const db = liveDb();
  const { bySlug, total } = helpedCounts(db);
  const entries = (await libraryEntries()).map((e) => ({ ...e, helped: bySlug.get(e.slug) ?? 0 }));
  const helpedSlug = Astro.url.searchParams.get('helped');
  return { locale, entries, helpedTotal: total, departments: deptMap(db), helpedSlug: entries.some((e) => e.slug === helpedSlug) ? helpedSlug : null };
}

export interface StatsProps {
  locale: Locale;
  stats: Statistics;
  report: AnnualReport;
  years: number[];
  helped: number;
  departments: Map<string, string>;
}

/** Every figure of the statistics page; ?year= picks the annual report's year. */
export function statsPage(Astro: AstroGlobal): StatsProps {
  const locale = asLocale(Astro.currentLocale);
  const db = liveDb();
  const today = chinaDate();
  const items = statItems(db);
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set([thisYear, ...items.map((i) => Number(i.receivedDate.slice(0, 4)))])].sort((a, b) => b - a);
  const asked = Number(Astro.url.searchParams.get('year'));
  const year = years.includes(asked) ? asked : thisYear;
  return {
    locale,
    stats: statistics(items, today),
    report: annualReport(disclosureItems(db), year),
    years,
    helped: helpedCounts(db).total,
    departments: deptMap(db),
  };
}
