// The sample county: what `start` loads into an empty database and what the browser tests
// run against. Domains with sample data of their own (e.g. inquiries) add a seeder.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import { ROOT } from '../db/client.ts';
import { formatResult } from '../import/report.ts';
import { importFiles, type ImportFile } from '../import/run.ts';
import { seedInquiries } from '../inquiries/seed.ts';

export interface SampleSeeder {
  name: string;
  seed(db: Db): Promise<void> | void;
}

/** Seeders run after the sample CSVs are loaded, in order. */
export const SAMPLE_SEEDERS: SampleSeeder[] = [{ name: 'inquiries', seed: (db) => void seedInquiries(db) }];

export const SAMPLE_DIR = join(ROOT, 'data/sample');

/** Every CSV file of data/sample, as importFiles takes them (tests load them too). */
export function sampleFiles(): ImportFile[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ path: join(SAMPLE_DIR, f) }));
}

/** Load data/sample/*.csv as one batch group, then run the seeders. Throws if it does not load. */
export async function loadSampleCounty(db: Db, log: (m: string) => void = console.log): Promise<void> {
  const result = await importFiles(db, sampleFiles(), { user: 'sample' });
  log(formatResult(result));
  if (!result.ok) throw new Error('the sample county did not load');
  for (const s of SAMPLE_SEEDERS) {
    await s.seed(db);
    log(`  ✓ sample ${s.name}`);
  }
}
