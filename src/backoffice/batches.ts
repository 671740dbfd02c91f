// Import batches as the back office sees them: pending ones to review, their uploader.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { importBatches } from '../import/schema.ts';

/** How many batches await review. */
export function countPending(db: Db): number {
  return db.select({ n: count() }).from(importBatches).where(eq(importBatches.status, 'pending')).get()?.n ?? 0;
}
