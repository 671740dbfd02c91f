// Publishing is: steps before the build (e.g. append new records to the ledger, so pages
// can show their ledger index), `astro build`, steps after it (search shards, ledger
// tiles, …), gzip, then the swap. Domains add their steps here.
import type { Db } from '../db/client.ts';
import { searchPublishStep } from '../search/publish.ts';
import { LEDGER_STEPS } from '../ledger/publish-steps.ts';
// Published inquiry answers are ledger records too (registered at module load).
import '../inquiries/ledger-source.ts';

export interface PublishContext {
  db: Db;
  /** the new build's root: static files go under client/ */
  buildDir: string;
  /** report progress to the person or process waiting */
  log(message: string): void;
}

export interface PublishStep {
  name: string;
  when: 'before-build' | 'after-build';
  run(ctx: PublishContext): Promise<void> | void;
}

export const PUBLISH_STEPS: PublishStep[] = [...LEDGER_STEPS, searchPublishStep];
