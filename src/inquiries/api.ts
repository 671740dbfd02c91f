// The inquiries' JSON API and the guards in front of the inquiry form pages, served by a
// small hook in src/server/server.ts ahead of Astro's handler: a submission is a few
// hundred microseconds of SQLite, and Astro's per-request rendering pipeline would cost
// more than the work itself (README: figures). Routes:
//   POST /api/inquiries                      file one (JSON or form-encoded) → 201 receipt
//   GET  /api/inquiries/<number>             status, with header X-Inquiry-Code → 200
//   POST /api/answers/<slug>/helped          "this answered my question" → 204
// and, for POSTs to /inquiries/… and /en/inquiries/… (the no-JavaScript forms, rendered
// by Astro): the rate limit, body size limit and Origin check, before Astro reads a byte.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../lib/root.ts';
import { liveDb } from '../db/live.ts';
import { bodySize, clientAddress, isRefusal, rateLimit, readBody, sameOrigin, type Refusal } from './guard.ts';
import { countHelped } from './reads.ts';
import { submitBatched } from './batch.ts';
import { citizenView, findWithCode, InquiryError } from './service.ts';
import { credentialsSchema, fieldErrors, stringFields, submissionSchema, type FieldError } from './validate.ts';

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): true {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
  return true;
}

function refuse(res: ServerResponse, r: Refusal, fields?: FieldError[]): true {
  return json(res, r.status, { error: { zh: r.zh, en: r.en }, ...(fields ? { fields } : {}) }, r.retryAfter ? { 'Retry-After': String(r.retryAfter) } : {});
}

function parseBody(text: string, type: string | undefined): unknown | Refusal {
  if (type?.startsWith('application/json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { status: 400, zh: 'JSON 格式不正确', en: 'Malformed JSON' } satisfies Refusal;
    }
  }
  if (type?.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(text);
  return { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type: send JSON or a form' } satisfies Refusal;
}

const FORM_PAGE = /^\/(?:en\/)?inquiries(?:\/|$)/;
const STATUS = /^\/api\/inquiries\/(\d{8}-[0-9A-Za-z]{6})$/;
const HELPED = /^\/api\/answers\/([a-z0-9-]{1,80})\/helped$/;

/** Handle the request if it is ours; false lets the server go on (static files, Astro). */
export async function inquiryHook(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const isPost = req.method === 'POST';

  // The Astro-rendered forms: guard, then let Astro handle them.
  if (isPost && FORM_PAGE.test(path)) {
    const r = bodySize(req) ?? sameOrigin(req) ?? rateLimit(clientAddress(req), path.includes('/track') ? 'read' : 'write');
    if (r) {
      res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8', ...(r.retryAfter ? { 'Retry-After': String(r.retryAfter) } : {}) });
      res.end(`${r.zh}\n${r.en}\n`);
      return true;
    }
    return false;
  }
  if (!path.startsWith('/api/')) return false;

  try {
    if (path === '/api/inquiries') {
      if (!isPost) return json(res, 405, { error: { zh: '只接受 POST', en: 'POST only' } }, { Allow: 'POST' });
      const guard = bodySize(req) ?? sameOrigin(req) ?? rateLimit(clientAddress(req), 'write');
      if (guard) return refuse(res, guard);
      const text = await readBody(req);
      if (isRefusal(text)) return refuse(res, text);
      const body = parseBody(text, req.headers['content-type']);
      if (isRefusal(body)) return refuse(res, body);
      const parsed = submissionSchema.safeParse(stringFields(body));
      if (!parsed.success) return refuse(res, { status: 422, zh: '提交内容有误', en: 'The submission is not valid' }, fieldErrors(parsed.error));
      const receipt = await submitBatched(liveDb(), parsed.data);
      return json(res, 201, { trackingNo: receipt.trackingNo, code: receipt.code, deadline: receipt.deadline });
    }

    const status = STATUS.exec(path);
    if (status) {
      if (req.method !== 'GET') return json(res, 405, { error: { zh: '只接受 GET', en: 'GET only' } }, { Allow: 'GET' });
      const guard = rateLimit(clientAddress(req), 'read');
      if (guard) return refuse(res, guard);
      const creds = credentialsSchema.safeParse({ number: status[1], code: req.headers['x-inquiry-code'] ?? '' });
      if (!creds.success) return refuse(res, { status: 400, zh: '请提供查询编号和查询码', en: 'Give the tracking number and the query code' });
      const db = liveDb();
      return json(res, 200, citizenView(db, findWithCode(db, creds.data.number, creds.data.code)));
    }

    const helped = HELPED.exec(path);
    if (helped && isPost) {
      const guard = bodySize(req) ?? sameOrigin(req) ?? rateLimit(clientAddress(req), 'read');
      if (guard) return refuse(res, guard);
      await readBody(req, 1024);
      if (!existsSync(join(ROOT, 'content', 'answers', `${helped[1]}.md`))) return refuse(res, { status: 404, zh: '没有这条答复', en: 'No such answer' });
      countHelped(liveDb(), helped[1] as string);
      if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        // The library page's no-JavaScript button: back to the entry, thanked.
        const en = /^https?:\/\/[^/]+\/en\//.test(req.headers.referer ?? '');
        res.writeHead(303, { Location: `${en ? '/en' : ''}/inquiries/answers/?helped=${helped[1]}#${helped[1]}`, 'Cache-Control': 'no-store' });
        res.end();
        return true;
      }
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return true;
    }
    if (path.startsWith('/api/inquiries') || path.startsWith('/api/answers')) return json(res, 404, { error: { zh: '没有这个地址', en: 'No such API route' } });
  } catch (err) {
    if (err instanceof InquiryError) return refuse(res, { status: err.status, zh: err.zh, en: err.en });
    throw err;
  }
  return false;
}
