// Browser tests: real Chromium (Debian's, see toolchain.md) against the real server
// serving a sample county built by tests/e2e/global-setup.ts. Run through `./gongkai test`,
// which gives every run its own database and site directory.
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.GONGKAI_TEST_PORT ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium's background services call Google's hosts, which this network refuses.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /backoffice\// },
    // The back office publishes new data and swaps the live site: it runs after the public
    // site's tests, which count the sample county as loaded.
    { name: 'backoffice', use: { ...devices['Desktop Chrome'], channel: undefined }, testMatch: /backoffice\/.*\.spec\.ts$/, dependencies: ['desktop'] },
  ],
  webServer: {
    command: `node src/cli/main.ts serve`,
    // The port, not /healthz: Playwright starts the server before globalSetup builds the
    // site, and /healthz answers 503 until a build is live.
    port,
    env: { PORT: String(port), HOST: 'localhost' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
