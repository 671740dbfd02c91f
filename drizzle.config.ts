// drizzle-kit reads every domain's schema.ts and writes numbered SQL migrations into
// db/migrations, which are committed and applied by `./gongkai migrate` (and by start).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/*/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.GONGKAI_DB ?? 'data/gongkai.db' },
});
