// The publish queue (issue 6). An approval inserts a job row; the server process runs a
// worker (started in src/server/server.ts) that claims queued jobs and runs the existing
// build and atomic swap (src/publish/build.ts). The queue lives in SQLite, not in memory,
// because the approval runs inside a build's bundled server code — a different module
// instance after every swap — while the worker runs from the source tree, once.
//   - One build at a time, across processes: a job is claimed only while none is running.
//   - Jobs queued while a build runs are claimed together by the next build: it reads the
//     database as it is then, so it publishes all of them.
//   - A failed build leaves `current` untouched (the swap is the build's last step), its
//     directory is removed, and the job keeps the error for staff to read.
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { buildSite, type BuildResult } from '../publish/build.ts';
import { currentBuild, listBuilds, swapCurrent } from '../publish/paths.ts';
import { publishJobs, type PublishJob } from './schema.ts';

/** Queue a publish; returns the job id. */
export function enqueuePublish(db: Db, job: { requestedBy: number | null; batchId?: number | null }): number {
  return db
    .insert(publishJobs)
    .values({ createdAt: new Date().toISOString(), requestedBy: job.requestedBy, batchId: job.batchId ?? null, status: 'queued' })
    .returning({ id: publishJobs.id })
    .get().id;
}

/** Claim every queued job if no build is running (atomic across processes). */
export function claimJobs(db: Db): number[] {
  const sq = db.$client;
  return sq
    .transaction(() => {
      if (sq.prepare(`SELECT 1 FROM publish_jobs WHERE status = 'running'`).get()) return [];
      return sq.prepare(`UPDATE publish_jobs SET status = 'running', started_at = ?, step = 'start' WHERE status = 'queued' RETURNING id`).pluck().all(new Date().toISOString()) as number[];
    })
    .immediate();
}

const LOG_LIMIT = 20_000;

/** Run the next build for the queued jobs, if any; returns the jobs it ran (for tests and the bench). */
export async function runQueued(db: Db, build: typeof buildSite = buildSite): Promise<{ ids: number[]; result: BuildResult | null; error: string | null }> {
  const ids = claimJobs(db);
  if (ids.length === 0) return { ids, result: null, error: null };
  const started = performance.now();
  let log = '';
  const note = (message: string) => {
    log = (log + message.trim() + '\n').slice(-LOG_LIMIT);
    db.update(publishJobs).set({ step: message.trim().replace(/^✓\s*/, '').slice(0, 200), log }).where(inArray(publishJobs.id, ids)).run();
  };
  const finish = (status: 'done' | 'failed', fields: Partial<PublishJob>) =>
    db.update(publishJobs)
      .set({ status, finishedAt: new Date().toISOString(), seconds: (performance.now() - started) / 1000, ...fields })
      .where(inArray(publishJobs.id, ids))
      .run();
  try {
    note('build started');
    const result = await build({ log: note });
    finish('done', { buildDir: result.dir, step: 'live' });
    return { ids, result, error: null };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    finish('failed', { error: error.slice(0, 4000), step: 'failed' });
    return { ids, result: null, error };
  }
}

let timer: NodeJS.Timeout | null = null;
let busy = false;

/** Start polling for queued publishes (the server calls this once when it listens). */
export function startPublishWorker(db: Db, intervalMs = Number(process.env.GONGKAI_PUBLISH_POLL_MS ?? 500)): void {
  if (timer) return;
  // A build that was running when the server last stopped will never finish: say so.
  db.update(publishJobs)
    .set({ status: 'failed', step: 'failed', error: '服务器在发布过程中停止，请重新发布 / the server stopped during this build: publish again', finishedAt: new Date().toISOString() })
    .where(eq(publishJobs.status, 'running'))
    .run();
  timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runQueued(db)
      .catch((err: unknown) => console.error('publish worker:', err))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
}

export function stopPublishWorker(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

/** The latest jobs, newest first. */
export function recentJobs(db: Db, limit = 20): PublishJob[] {
  return db.select().from(publishJobs).orderBy(desc(publishJobs.id)).limit(limit).all();
}

/** Is a publish queued or running? */
export function publishActive(db: Db): boolean {
  return !!db.$client.prepare(`SELECT 1 FROM publish_jobs WHERE status IN ('queued', 'running')`).get();
}

/** Point `current` back at the build before it. Returns [from, to]. */
export function rollbackSite(): { from: string; to: string } {
  const current = currentBuild();
  const builds = listBuilds();
  const at = current ? builds.indexOf(current) : -1;
  if (at <= 0) throw new Error(current ? '没有更早的版本可以回退 / no earlier build to roll back to' : '还没有发布过 / nothing is published yet');
  const to = builds[at - 1]!;
  swapCurrent(to);
  return { from: current!, to };
}
