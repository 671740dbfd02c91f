// The one Node server: static pages of the currently published build, and the few live
// routes (inquiries, back office) through Astro's middleware handler of that same build.
// Every request resolves `current` once, so a publish that swaps the link mid-traffic
// gives each request one whole site, old or new.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentBuild } from '../publish/paths.ts';
import { resolveStatic, sendFile, serveStatic } from './static.ts';
import { startPublishWorker, stopPublishWorker } from '../backoffice/publisher.ts';
import { liveDb } from '../db/live.ts';
import { inquiryHook } from '../inquiries/api.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => Promise<void> | void;

const handlers = new Map<string, Promise<AstroHandler>>();

/** The Astro handler of a build, imported once per build directory. */
function handlerFor(build: string): Promise<AstroHandler> {
  let h = handlers.get(build);
  if (!h) {
    h = import(pathToFileURL(join(build, 'server', 'entry.mjs')).href).then((m: { handler: AstroHandler }) => m.handler);
    handlers.set(build, h);
  }
  return h;
}

/** Headers every response carries (scripts and styles are pinned by Astro's CSP meta tag). */
function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

async function notFound(req: IncomingMessage, res: ServerResponse, client: string): Promise<void> {
  const page = await resolveStatic(client, '/404.html');
  if (page && !res.headersSent) return sendFile(req, res, page.path, page.stats, '/404.html', 404);
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('404 未找到 Not found');
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  securityHeaders(res);
  const build = currentBuild();
  if (req.url === '/healthz') {
    res.statusCode = build ? 200 : 503;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify({ ok: !!build, build: build?.split('/').pop() ?? null }));
    return;
  }
  // Inquiries' JSON API and the guards in front of their forms (src/inquiries/api.ts).
  if (await inquiryHook(req, res)) return;
  if (!build) {
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Retry-After', '10');
    res.end('网站尚未生成 The site has not been built yet: run ./gongkai build');
    return;
  }
  const client = join(build, 'client');
  if ((req.method === 'GET' || req.method === 'HEAD') && (await serveStatic(req, res, client))) return;
  const handler = await handlerFor(build);
  await handler(req, res, () => void notFound(req, res, client));
}

/** Create the HTTP server (not yet listening). */
export function createGongkaiServer(): Server {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`server error on ${req.method} ${(req.url ?? '').split('?')[0]}:`, err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('服务器内部错误 Internal server error');
      } else res.destroy();
    });
  });
  // The back office's publish queue runs here, in the one long-lived process (issue 6).
  server.on('listening', () => startPublishWorker(liveDb()));
  server.on('close', stopPublishWorker);
  return server;
}

/** Listen on HOST:PORT (defaults localhost:4321) and return the bound address. */
export async function listen(server: Server, port = Number(process.env.PORT ?? 4321), host = process.env.HOST ?? 'localhost'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const addr = server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  return `http://${host}:${p}`;
}
