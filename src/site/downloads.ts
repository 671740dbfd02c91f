// The files under /downloads/: which exist, what each holds, and the Frictionless Data
// Package descriptor (https://specs.frictionlessdata.io/data-package/) describing them.
// They are written by writeDownloads(), in a worker thread alongside the page build
// (downloads-integration.ts), not as Astro routes: ~200 MB at seed scale that would
// otherwise pass through the page renderer on the same core.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Db } from '../db/client.ts';
import { areaTree } from '../areas/queries.ts';
import { fundSummaries } from '../funds/queries.ts';
import { institutionSummaries } from '../staffing/queries.ts';
import { FIELDS, ROWS, disbursementFile, toCsv, toJson, type DatasetName } from './datasets.ts';
import type { UiKey } from './i18n/index.ts';

export interface Dataset {
  name: DatasetName;
  /** file name stem under /downloads/ */
  slug: string;
  title: UiKey;
  /** split datasets: one file per part (fund code, institution code, village code) */
  parts?: (db: Db) => string[];
  /** false when the dataset exists only as parts (too big as one file) */
  whole: boolean;
}

export const DATASETS: Dataset[] = [
  { name: 'funds', slug: 'funds', title: 'downloads.ds.funds', whole: true },
  { name: 'fundVillages', slug: 'fund-villages', title: 'downloads.ds.fund-villages', whole: true, parts: (db) => fundSummaries(db).filter((f) => f.kind === 'household').map((f) => f.code) },
  { name: 'villages', slug: 'villages', title: 'downloads.ds.villages', whole: true },
  { name: 'projects', slug: 'projects', title: 'downloads.ds.projects', whole: true },
  { name: 'budgetUnits', slug: 'budget-units', title: 'downloads.ds.budget-units', whole: true },
  { name: 'budgetLines', slug: 'budget-lines', title: 'downloads.ds.budget-lines', whole: true },
  { name: 'institutions', slug: 'institutions', title: 'downloads.ds.institutions', whole: true },
  { name: 'staff', slug: 'staff', title: 'downloads.ds.staff', whole: true, parts: (db) => institutionSummaries(db).map((i) => i.code) },
  { name: 'disbursements', slug: 'disbursements', title: 'downloads.ds.disbursements', whole: false, parts: (db) => areaTree(db).flatMap((t) => t.villages.map((v) => v.code)) },
];

export interface DownloadFile {
  /** path under /downloads/, e.g. "funds.csv", "disbursements/430524101201.json" */
  file: string;
  dataset: DatasetName;
  part?: string;
  format: 'csv' | 'json';
}

/** Every data file the build writes. */
export function downloadFiles(db: Db): DownloadFile[] {
  const out: DownloadFile[] = [];
  for (const d of DATASETS) {
    const stems: { stem: string; part?: string }[] = [];
    if (d.whole) stems.push({ stem: d.slug });
    for (const part of d.parts?.(db) ?? []) stems.push({ stem: `${d.slug}/${part}`, part });
    for (const s of stems)
      for (const format of ['csv', 'json'] as const)
        out.push({ file: `${s.stem}.${format}`, dataset: d.name, format, ...(s.part ? { part: s.part } : {}) });
  }
  return out;
}

/** The contents of one data file. */
export function renderDownload(db: Db, f: DownloadFile): string {
  if (f.dataset === 'disbursements') return disbursementFile(db, f.part ?? '', f.format);
  const rows = ROWS[f.dataset](db, f.part);
  return f.format === 'csv' ? toCsv(f.dataset, rows) : toJson(f.dataset, rows);
}

/** datapackage.json: one resource per dataset, split datasets listing their files as parts. */
export function dataPackage(db: Db, site: string, created: string): object {
  return {
    profile: 'tabular-data-package',
    name: 'gongkai-county-disclosure',
    title: 'County finance and staffing disclosure (财政与编制政务公开)',
    homepage: site,
    created,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: DATASETS.map((d) => {
      const parts = d.whole ? [`${d.slug}.csv`] : (d.parts?.(db) ?? []).map((p) => `${d.slug}/${p}.csv`);
      return {
        profile: 'tabular-data-resource',
        name: d.slug,
        path: parts.length === 1 ? parts[0] : parts,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: { fields: FIELDS[d.name].map((x) => ({ name: x.name, type: x.key.endsWith('_fen') ? 'number' : x.type, title: x.key, description: x.title })) },
      };
    }),
  };
}

/**
 * Write every data file and datapackage.json under `dir`, each with its .gz twin (the
 * server sends those; the publish step keeps twins that are up to date), and return how
 * many files and bytes.
 */
export function writeDownloads(db: Db, dir: string, site: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const path = join(dir, rel);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const bytesOf = Buffer.from(text);
    writeFileSync(path, bytesOf);
    if (bytesOf.length >= 512) writeFileSync(`${path}.gz`, gzipSync(bytesOf, { level: 6 }));
    files++;
    bytes += bytesOf.length;
  };
  for (const f of downloadFiles(db)) write(f.file, renderDownload(db, f));
  write('datapackage.json', JSON.stringify(dataPackage(db, site, new Date().toISOString().slice(0, 10)), null, 2));
  return { files, bytes };
}
