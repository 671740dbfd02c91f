// The Atom feed of new publications (zh-cn).
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { readDb } from '../db/read.ts';
import { fundSummaries } from '../funds/queries.ts';
import { atomFeed } from '../site/feed.ts';
import { publications } from '../site/publications.ts';

export const GET: APIRoute = async ({ site }) => {
  const items = publications('zh-cn', await getCollection('notices'), fundSummaries(readDb()));
  return new Response(atomFeed('zh-cn', String(site ?? 'http://localhost:4321'), items), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
