// An acknowledged submission is never lost: SIGKILL the real server in the middle of a
// burst of submissions, then find every acknowledged (201) one in the database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { tempDb, type TempDb } from '../db/testing.ts';
import { serve } from './server-testing.ts';

let t: TempDb;
beforeAll(() => {
  t = tempDb();
  t.db.$client.close();
});
afterAll(() => t.cleanup());

it('keeps every acknowledged submission across a SIGKILL mid-burst', async () => {
  const s = await serve(t.path, { GONGKAI_INQUIRY_RATE: '1000000/1' });
  const acknowledged: string[] = [];
  let failed = 0;
  let stop = false;
  const body = JSON.stringify({ category: 'consult', subject: '压力测试', body: '一次提交，看看是否丢失。' });
  const worker = async () => {
    while (!stop) {
      try {
        const r = await fetch(`${s.url}/api/inquiries`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Origin: s.url } });
        if (r.status === 201) acknowledged.push(((await r.json()) as { trackingNo: string }).trackingNo);
        else failed++;
      } catch {
        failed++; // the connection died with the server: not acknowledged
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const workers = Array.from({ length: 16 }, worker);
  // Kill once a few hundred are in, while requests are still in flight.
  while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
  s.child.kill('SIGKILL');
  await s.exited;
  await new Promise((r) => setTimeout(r, 100));
  stop = true;
  await Promise.all(workers);
  expect(failed).toBeGreaterThan(0); // some requests really were cut off

  // Reopen (what a restart does): WAL recovery, then look for each acknowledged number.
  const db = openDb(t.path);
  const stored = new Set(db.$client.prepare('SELECT tracking_no FROM inquiries').pluck().all() as string[]);
  const events = db.$client.prepare(`SELECT count(*) FROM inquiry_events WHERE action = 'submitted'`).pluck().get() as number;
  expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  db.$client.close();
  const lost = acknowledged.filter((n) => !stored.has(n));
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  expect(lost).toEqual([]);
  expect(events).toBe(stored.size); // each item with its first event, never half
  // And a restarted server takes submissions again.
  const again = await serve(t.path);
  const r = await fetch(`${again.url}/api/inquiries`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Origin: again.url } });
  expect(r.status).toBe(201);
  again.child.kill('SIGTERM');
  await again.exited;
}, 120_000);
