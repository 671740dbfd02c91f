// Serving the built site's static files: precompressed .gz twins when the browser takes
// gzip (search shards and pages are gzipped once at publish, not per request), ETags so a
// kiosk revalidates instead of downloading again, and long caching for hashed assets.
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Content type by extension; tlog tiles and checkpoints have none and are bytes or text. */
function contentType(path: string): string {
  const ext = extname(path);
  if (ext === '' && path.endsWith(`${sep}checkpoint`)) return 'text/plain; charset=utf-8';
  return TYPES[ext] ?? 'application/octet-stream';
}

async function statFile(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The file a URL path names inside `root`, or null (also for attempts to leave root). */
export async function resolveStatic(root: string, urlPath: string): Promise<{ path: string; stats: Stats } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  if (rel.startsWith('..')) return null;
  const base = join(root, rel);
  if (base !== root && !base.startsWith(root + sep)) return null;
  const candidates = decoded.endsWith('/') ? [join(base, 'index.html')] : [base, join(base, 'index.html')];
  for (const path of candidates) {
    const stats = await statFile(path);
    if (stats) return { path, stats };
  }
  return null;
}

/** Serve a GET/HEAD from `root`; false when there is no such file (the app handles it). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, status = 200): Promise<boolean> {
  const urlPath = (req.url ?? '/').split('?')[0]!;
  const found = await resolveStatic(root, urlPath);
  if (!found) return false;
  await sendFile(req, res, found.path, found.stats, urlPath, status);
  return true;
}

/** Send one file (its .gz twin when accepted), honouring If-None-Match. */
export async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, stats: Stats, urlPath: string, status = 200): Promise<void> {
  let file = path;
  let size = stats.size;
  const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? await statFile(`${path}.gz`) : null;
  if (gz) {
    file = `${path}.gz`;
    size = gz.size;
    res.setHeader('Content-Encoding', 'gzip');
  }
  const etag = `W/"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${gz ? '-gz' : ''}"`;
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Type', contentType(path));
  res.setHeader('ETag', etag);
  res.setHeader(
    'Cache-Control',
    urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
  );
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Length', size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}
