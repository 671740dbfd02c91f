// The repository root. The ./gongkai wrapper exports GONGKAI_ROOT, because modules that
// use this also run bundled inside a build directory, where their own location says nothing.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.GONGKAI_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');
