// The review rules and the publish queue against real SQLite: the uploader never approves
// their own batch, a rejection needs a reason and removes the rows, one build at a time,
// and a failed build says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { tempDb, TEST_ID_KEY, type TempDb } from '../db/testing.ts';
import { importFiles } from '../import/run.ts';
import { addUser, toStaff, type Staff } from '../auth/users.ts';
import { decide, previewBatch, getBatch, ReviewRefused } from './review.ts';
import { claimJobs, enqueuePublish, runQueued } from './publisher.ts';
import { buildsDir, currentBuild, swapCurrent } from '../publish/paths.ts';

let t: TempDb;
let uploader: Staff;
let reviewer: Staff;
let both: Staff;

const FUNDS = `资金编码,资金名称,年度,归口股室,政策依据,发放方式,公开时限,姓名公开方式
ZX2026-T1,测试资金一,2026,农业股,文件1号,到人到户,2026-12-31,脱敏
ZX2026-T2,测试资金二,2026,农业股,文件2号,到人到户,2026-12-31,脱敏
`;

async function pendingFunds(user: Staff, body = FUNDS): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bo-'));
  const path = join(dir, 'funds.csv');
  writeFileSync(path, body);
  const r = await importFiles(t.db, [{ path, kind: 'funds' }], { user: user.username, status: 'pending', idKey: TEST_ID_KEY });
  expect(r.ok).toBe(true);
  return r.files[0]!.batchId!;
}

beforeEach(async () => {
  t = tempDb();
  uploader = toStaff(await addUser(t.db, { username: 'up', displayName: 'U', password: 'password-123', roles: ['uploader'] }));
  reviewer = toStaff(await addUser(t.db, { username: 'rev', displayName: 'R', password: 'password-123', roles: ['reviewer'] }));
  both = toStaff(await addUser(t.db, { username: 'both', displayName: 'B', password: 'password-123', roles: ['uploader', 'reviewer'] }));
});
afterEach(() => t.cleanup());

const refusal = (fn: () => unknown): number => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReviewRefused) return err.status;
    throw err;
  }
  return 0;
};

describe('review', () => {
  it('never lets the uploader approve, whatever roles they hold', async () => {
    const id = await pendingFunds(both);
    expect(refusal(() => decide(t.db, both, { batchId: id, decision: 'approve', note: '' }, null))).toBe(403);
    expect(getBatch(t.db, id)!.status).toBe('pending');
    expect(refusal(() => decide(t.db, uploader, { batchId: id, decision: 'approve', note: '' }, null))).toBe(403);
    const { jobId } = decide(t.db, reviewer, { batchId: id, decision: 'approve', note: '' }, null);
    expect(jobId).toBeGreaterThan(0);
    expect(getBatch(t.db, id)).toMatchObject({ status: 'published', reviewedBy: 'rev' });
    // Decided once only.
    expect(refusal(() => decide(t.db, reviewer, { batchId: id, decision: 'reject', note: 'late' }, null))).toBe(409);
    const actions = t.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toContain('review.self_approval_refused');
    expect(actions).toContain('review.approve');
  });

  it('shows what a batch adds, and a rejection needs a reason and removes the rows', async () => {
    const id = await pendingFunds(uploader);
    const p = previewBatch(t.db, getBatch(t.db, id)!);
    expect(p.addedRows).toBe(2);
    expect(p.sample.map((r) => r.code)).toEqual(['ZX2026-T1', 'ZX2026-T2']);
    expect(refusal(() => decide(t.db, reviewer, { batchId: id, decision: 'reject', note: '  ' }, null))).toBe(400);
    decide(t.db, reviewer, { batchId: id, decision: 'reject', note: '金额有误' }, null);
    expect(getBatch(t.db, id)).toMatchObject({ status: 'rejected', reviewNote: '金额有误' });
    expect(t.db.$client.prepare('SELECT count(*) FROM funds').pluck().get()).toBe(0);
    // The same file can come back after a rejection.
    expect(await pendingFunds(uploader)).toBeGreaterThan(id);
  });
});

describe('publish queue', () => {
  it('runs one build for everything queued, and only one at a time', async () => {
    enqueuePublish(t.db, { requestedBy: reviewer.id });
    enqueuePublish(t.db, { requestedBy: reviewer.id });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let builds = 0;
    const fake = async (opts?: { log?: (m: string) => void }) => {
      builds++;
      opts?.log?.('✓ astro build (1.0 s)');
      await gate;
      return { dir: '/tmp/x/builds/1', pages: 1, seconds: 1 };
    };
    const running = runQueued(t.db, fake as never);
    await new Promise((r) => setTimeout(r, 20));
    enqueuePublish(t.db, { requestedBy: reviewer.id });
    expect(claimJobs(t.db)).toEqual([]); // a build is running: nothing else starts
    release();
    expect((await running).ids).toHaveLength(2);
    expect(builds).toBe(1);
    const rows = t.db.$client.prepare('SELECT status, step FROM publish_jobs ORDER BY id').all();
    expect(rows).toEqual([{ status: 'done', step: 'live' }, { status: 'done', step: 'live' }, { status: 'queued', step: null }]);
  });

  it('keeps why a build failed', async () => {
    enqueuePublish(t.db, { requestedBy: null });
    const result = await runQueued(t.db, (async () => {
      throw new Error('astro build failed (exit 1): [InvalidGetStaticPathReturn] …');
    }) as never);
    expect(result.error).toMatch(/astro build failed/);
    expect(t.db.$client.prepare('SELECT status, error FROM publish_jobs').get()).toEqual({ status: 'failed', error: 'astro build failed (exit 1): [InvalidGetStaticPathReturn] …' });
  });

  it('a real build that fails leaves the live site as it was, with no half-built directory, and says why', async () => {
    // A real `astro build`, made to fail by an invalid setting (astro.config reads it).
    const site = mkdtempSync(join(tmpdir(), 'bo-site-'));
    const env = { ...process.env };
    Object.assign(process.env, { GONGKAI_SITE_DIR: site, GONGKAI_DB: t.path, GONGKAI_BUILD_CONCURRENCY: '-3' });
    try {
      mkdirSync(join(buildsDir(), '20260101T000000', 'client'), { recursive: true });
      swapCurrent(join(buildsDir(), '20260101T000000'));
      const live = currentBuild();
      enqueuePublish(t.db, { requestedBy: reviewer.id });
      const result = await runQueued(t.db);
      expect(result.error).toMatch(/astro build failed \(exit 1\).*configuration/s);
      expect(currentBuild()).toBe(live);
      expect(readdirSync(buildsDir())).toEqual(['20260101T000000']);
      expect(t.db.$client.prepare('SELECT status FROM publish_jobs').pluck().get()).toBe('failed');
    } finally {
      process.env = env;
    }
  });
});
