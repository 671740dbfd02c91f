// @ts-check
// Astro renders every public page at build time from the SQLite database (output
// 'static'); the few live routes (inquiries, back office) opt out with
// `export const prerender = false` and run inside our own Node server
// (src/server/), which mounts the adapter's middleware build and serves the static
// pages from the currently published build directory.
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { openDataDownloads } from './src/site/downloads-integration.ts';

export default defineConfig({
  site: process.env.GONGKAI_SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  outDir: process.env.GONGKAI_OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // One small stylesheet: inlined below 4 KB, else a hashed file the browser keeps
    // (immutable under /_astro/) while a farmer pages through a village.
    inlineStylesheets: 'auto',
    // Render a few pages at once so one page's file write overlaps the next page's render.
    concurrency: Number(process.env.GONGKAI_BUILD_CONCURRENCY ?? 4),
  },
  i18n: {
    defaultLocale: 'zh-cn',
    locales: ['zh-cn', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // A Content-Security-Policy meta tag on every page: only our own hashed styles and scripts.
  security: { csp: true },
  integrations: [openDataDownloads(process.env.GONGKAI_ROOT ?? process.cwd())],
  vite: {
    // better-sqlite3 is a native module: never bundle it.
    ssr: { external: ['better-sqlite3'] },
  },
});
