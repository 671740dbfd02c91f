// The abuse guards every inquiry POST passes before any work is done: a per-client rate
// limit, a body size limit and a same-origin check. They live on globalThis so the server
// hook (run from source) and the Astro pages (bundled into the build) share one limiter.
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from './validate.ts';

export interface Refusal {
  status: number;
  zh: string;
  en: string;
  retryAfter?: number;
}

/**
 * Token buckets per client address. GONGKAI_INQUIRY_RATE="N/S" allows N posts per S
 * seconds per client (default 10 per 60 s; status reads get ten times that). The bench
 * raises it, because all its load comes from one address.
 */
class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  readonly capacity: number;
  readonly perSecond: number;
  constructor(capacity: number, perSecond: number) {
    this.capacity = capacity;
    this.perSecond = perSecond;
  }
  take(key: string, now = Date.now()): number {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear(); // bounded memory under a flood of addresses
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return Math.ceil((1 - b.tokens) / this.perSecond);
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return 0;
  }
}

function parseRate(env: string | undefined): { n: number; s: number } {
  const m = /^(\d+)\/(\d+)$/.exec(env ?? '');
  return m ? { n: Number(m[1]), s: Math.max(1, Number(m[2])) } : { n: 10, s: 60 };
}

interface Limiters {
  write: RateLimiter;
  read: RateLimiter;
}
const KEY = Symbol.for('gongkai.inquiries.limiters');
function limiters(): Limiters {
  const g = globalThis as { [KEY]?: Limiters };
  if (!g[KEY]) {
    const { n, s } = parseRate(process.env.GONGKAI_INQUIRY_RATE);
    g[KEY] = { write: new RateLimiter(n, n / s), read: new RateLimiter(n * 10, (n * 10) / s) };
  }
  return g[KEY];
}

/** The client's address (X-Forwarded-For only behind a proxy we were told to trust). */
export function clientAddress(req: IncomingMessage): string {
  if (process.env.GONGKAI_TRUST_PROXY === '1') {
    const xff = req.headers['x-forwarded-for'];
    const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Take one token for `kind`; a refusal (429) when the client has none left. */
export function rateLimit(client: string, kind: 'write' | 'read'): Refusal | null {
  const wait = limiters()[kind].take(client);
  return wait === 0
    ? null
    : { status: 429, zh: `提交过于频繁，请 ${wait} 秒后再试`, en: `Too many requests: try again in ${wait} s`, retryAfter: wait };
}

/** A POST must come from our own pages: its Origin (or Referer) host is the Host it was sent to. */
export function sameOrigin(req: IncomingMessage): Refusal | null {
  const host = req.headers.host;
  const origin = req.headers.origin ?? (typeof req.headers.referer === 'string' ? req.headers.referer : undefined);
  let ok = false;
  if (host && origin && origin !== 'null') {
    try {
      ok = new URL(origin).host === host;
    } catch {
      ok = false;
    }
  }
  return ok ? null : { status: 403, zh: '请求来源不正确（请从本网站页面提交）', en: 'Cross-site or origin-less posts are refused: submit from this site’s own pages' };
}

/** Refuse a body larger than the limit before reading it (Content-Length), or without one. */
export function bodySize(req: IncomingMessage, limit = MAX_BODY_BYTES): Refusal | null {
  const len = req.headers['content-length'];
  if (len === undefined) {
    if (req.headers['transfer-encoding']) return { status: 411, zh: '请求须注明长度', en: 'Content-Length required' };
    return null;
  }
  const n = Number(len);
  if (!Number.isFinite(n) || n < 0) return { status: 400, zh: '请求长度不正确', en: 'Bad Content-Length' };
  return n > limit ? { status: 413, zh: `内容过长（最多 ${limit / 1024} KB）`, en: `Body too large (at most ${limit / 1024} KB)` } : null;
}

/** Read a body of at most `limit` bytes as UTF-8; a refusal for too much or an invalid encoding. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string | Refusal> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { status: 413, zh: `内容过长（最多 ${limit / 1024} KB）`, en: `Body too large (at most ${limit / 1024} KB)` };
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { status: 400, zh: '内容不是有效的 UTF-8 编码', en: 'The body is not valid UTF-8' };
  }
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'status' in x && 'zh' in x;
