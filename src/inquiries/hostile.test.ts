// Hostile input against the real server: scripts, SQL, huge bodies, bad encodings, wrong
// codes, cross-site posts, the honeypot, floods. Each gets a 4xx with a zh + en message,
// and nothing unsafe (or nothing at all) is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client.ts';
import { tempDb, type TempDb } from '../db/testing.ts';
import { serve, type Served } from './server-testing.ts';
import { seedUnits } from './testing.ts';

let t: TempDb;
let s: Served;
let ip = 0;

beforeAll(async () => {
  t = tempDb();
  seedUnits(t.db);
  t.db.$client.close();
  // A proxy we trust gives each test its own client address, so the rate limit of one test
  // does not spill into another; the limit itself is the production default (10 per minute).
  s = await serve(t.path, { GONGKAI_TRUST_PROXY: '1' });
}, 60_000);
afterAll(async () => {
  s.child.kill('SIGTERM');
  await s.exited;
  t.cleanup();
});

function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}, path = '/api/inquiries'): Promise<Response> {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', Origin: s.url, 'X-Forwarded-For': `10.0.0.${++ip}`, ...headers },
  });
}
const good = (o: Record<string, unknown> = {}) => JSON.stringify({ category: 'complaint', department: '101001', subject: '补贴没到账', body: '今年的补贴还没有收到。', ...o });
const rows = (): Record<string, unknown>[] => {
  const db: Db = openDb(t.path, { readonly: true });
  try {
    return db.$client.prepare('SELECT * FROM inquiries').all() as Record<string, unknown>[];
  } finally {
    db.$client.close();
  }
};
async function refusal(r: Response, status: number): Promise<{ zh: string; en: string }> {
  expect(r.status).toBe(status);
  const j = (await r.json()) as { error: { zh: string; en: string } };
  expect(j.error.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(j.error.en).toMatch(/[a-z]/);
  return j.error;
}

describe('hostile submissions', () => {
  it('accepts a good one (201) and stores it', async () => {
    const r = await post(good());
    expect(r.status).toBe(201);
    const j = (await r.json()) as { trackingNo: string; code: string };
    expect(rows().some((x) => x.tracking_no === j.trackingNo)).toBe(true);
  });

  it('stores script and SQL as inert text, never changing the schema', async () => {
    const before = rows().length;
    const r = await post(good({ subject: "'); DROP TABLE inquiries;--", body: '<script>alert(1)</script><img src=x onerror=alert(2)>' }));
    expect(r.status).toBe(201);
    const all = rows();
    expect(all.length).toBe(before + 1);
    expect(all.at(-1)?.subject).toBe("'); DROP TABLE inquiries;--");
  });

  it('refuses a body over 32 KB before reading it (413)', async () => {
    const before = rows().length;
    await refusal(await post(good({ body: 'x'.repeat(40_000) })), 413);
    expect(rows().length).toBe(before);
  });

  it('refuses bytes that are not UTF-8 (400), e.g. GB18030 sent as UTF-8', async () => {
    const gb = new Uint8Array(Buffer.concat([Buffer.from('{"category":"consult","subject":"'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('","body":"abcdefg"}')]));
    const e = await refusal(await post(gb), 400);
    expect(e.en).toMatch(/UTF-8/);
  });

  it('refuses control characters and U+FFFD in text (422, per field)', async () => {
    const r = await post(good({ body: 'abc\u0000defghij' }));
    expect(r.status).toBe(422);
    const j = (await r.json()) as { fields: { field: string; zh: string; en: string }[] };
    expect(j.fields[0]).toMatchObject({ field: 'body' });
    expect(j.fields[0]?.en).toMatch(/encoding/);
    expect((await post(good({ subject: 'a\ufffdb' }))).status).toBe(422);
  });

  it('refuses malformed JSON (400), other content types (415) and wrong fields (422)', async () => {
    await refusal(await post('{"category":'), 400);
    await refusal(await post(good(), { 'Content-Type': 'text/plain' }), 415);
    const r = await post(JSON.stringify({ category: 'rant', subject: 'x', body: 'y', phone: 'call me' }));
    expect(r.status).toBe(422);
    const fields = ((await r.json()) as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'subject', 'body', 'phone']));
  });

  it('refuses a filled honeypot and stores nothing', async () => {
    const before = rows().length;
    expect((await post(good({ website: 'http://spam.example' }))).status).toBe(422);
    expect(rows().length).toBe(before);
  });

  it('refuses posts from another site or without an Origin (403)', async () => {
    await refusal(await post(good(), { Origin: 'https://evil.example' }), 403);
    const r = await fetch(`${s.url}/api/inquiries`, { method: 'POST', body: good(), headers: { 'Content-Type': 'application/json' } });
    await refusal(r, 403);
    // The no-JavaScript form is guarded the same way before Astro sees it.
    await refusal2(await post('category=consult', { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, '/inquiries/new/'), 403);
  });

  it('answers a wrong code or number with 404 and a bad one with 400, never the item', async () => {
    const ok = (await (await post(good())).json()) as { trackingNo: string; code: string };
    const get = (n: string, code: string) => fetch(`${s.url}/api/inquiries/${n}`, { headers: { 'X-Inquiry-Code': code, 'X-Forwarded-For': `10.1.0.${++ip}` } });
    const right = await get(ok.trackingNo, ok.code);
    expect(right.status).toBe(200);
    expect(((await right.json()) as { status: string }).status).toBe('received');
    await refusal(await get(ok.trackingNo, 'AAAAA-AAAAA'), 404);
    await refusal(await get('20990101-AAAAAA', ok.code), 404);
    await refusal(await get(ok.trackingNo, "' OR 1=1 --"), 404);
    await refusal(await get(ok.trackingNo, ''), 400);
    expect((await get('nonsense', ok.code)).status).toBe(404);
  });

  it('rate-limits one client to 10 posts a minute (429 with Retry-After), and stores no more', async () => {
    const before = rows().length;
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await post(good(), { 'X-Forwarded-For': '10.9.9.9' })).status);
    expect(codes.filter((c) => c === 201).length).toBe(10);
    expect(codes.slice(10)).toEqual([429, 429]);
    const r = await post(good(), { 'X-Forwarded-For': '10.9.9.9' });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await refusal(r, 429);
    expect(rows().length).toBe(before + 10);
  });

  it('never stores a phone or name in the events table', async () => {
    await post(good({ name: '张三', phone: '13811112222' }));
    const db = openDb(t.path, { readonly: true });
    const events = JSON.stringify(db.$client.prepare('SELECT * FROM inquiry_events').all());
    db.$client.close();
    expect(events).not.toContain('13811112222');
    expect(events).not.toContain('张三');
  });
});

async function refusal2(r: Response, status: number): Promise<void> {
  expect(r.status).toBe(status);
  const text = await r.text();
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).toMatch(/[a-z]/);
}
