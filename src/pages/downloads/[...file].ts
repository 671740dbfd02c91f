// Every data file under /downloads/ (locale-neutral: Chinese column names, English JSON keys).
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { readDb } from '../../db/read.ts';
import { downloadFiles, renderDownload } from '../../site/downloads.ts';

export function getStaticPaths() {
  return downloadFiles(readDb()).map((f) => ({ params: { file: f.file }, props: { f } }));
}

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute = ({ props }) => {
  const { f } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(renderDownload(readDb(), f), { headers: { 'Content-Type': TYPES[f.format] } });
};
