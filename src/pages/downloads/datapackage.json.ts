// The Frictionless Data Package descriptor of everything under /downloads/.
import type { APIRoute } from 'astro';
import { readDb } from '../../db/read.ts';
import { dataPackage } from '../../site/downloads.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(dataPackage(readDb(), String(site ?? ''), new Date().toISOString().slice(0, 10)), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
