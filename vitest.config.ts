/// <reference types="vitest/config" />
// Unit and integration tests live beside the code (src/**/*.test.ts). getViteConfig lets
// tests import astro:* modules the same way pages do.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test file gets a fresh SQLite file; files run in parallel on both cores.
    pool: 'forks',
  },
});
