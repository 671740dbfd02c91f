// The transparency ledger in the browser (issue 7), in real Chromium against the real server
// and the sample county's build: record pages prove their record from the tiles and the
// signed checkpoint, a tampered tile or bundle is reported, payments get receipts that the
// project's own verifier accepts, and /verify checks the whole log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseVerifierKey } from '../../../src/ledger/note.ts';
import { verifyTlogProof } from '../../../src/ledger/proof.ts';
import { decodeRecordEntry } from '../../../src/ledger/record.ts';
import { clientDir, testDb } from '../site/helpers.ts';

const one = (sql: string): string => testDb().$client.prepare(sql).pluck().get() as string;
const status = (page: Page) => page.locator('[data-ledger-status]');

test('a fund page proves its record: 已核验, with its ledger index', async ({ page }) => {
  const fund = one(`SELECT code FROM funds ORDER BY code LIMIT 1`);
  const idx = one(`SELECT idx FROM ledger_records WHERE kind = 'fund' AND record_id = '${fund}'`);
  await page.goto(`/funds/${fund}/`);
  await expect(page.getByRole('heading', { name: '公开账本' })).toBeVisible();
  await expect(page.getByText(`此记录为公开账本第 ${idx} 号。`)).toBeVisible();
  await expect(status(page)).toContainText(/^已核验：此记录收录于第 1 版公开账本（账本第 \d+ 号，共 \d+ 条记录）。$/);
});

test('English project page says Verified', async ({ page }) => {
  const project = one('SELECT code FROM projects ORDER BY code LIMIT 1');
  await page.goto(`/en/projects/${project}/`);
  await expect(status(page)).toContainText(/^Verified: this record is in edition 1 of the public ledger/);
});

test('a village page checks every payment it lists and offers a receipt the CLI verifier accepts', async ({ page }) => {
  const village = one(`SELECT v.code FROM villages v JOIN disbursements d ON d.village_id = v.id GROUP BY v.id ORDER BY count(*) DESC LIMIT 1`);
  await page.goto(`/villages/${village}/`);
  const rows = await page.locator('a[href*="record=disbursement:"]').count();
  await expect(status(page)).toContainText(`已核验：本页 ${rows} 条记录均收录于第 1 版公开账本`, { timeout: 30_000 });
  const receipt = page.getByRole('button', { name: /下载发放记录 \d+ 的账本回执/ }).first();
  const [download] = await Promise.all([page.waitForEvent('download'), receipt.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('c2sp.org/tlog-proof@v1\n')).toBe(true);
  const key = parseVerifierKey(readFileSync(join(clientDir(), 'ledger/vkey'), 'utf8').trim());
  const cp = await verifyTlogProof(text, key);
  expect(cp.size).toBeGreaterThan(rows);
  const extra = Buffer.from(/^extra (.+)$/m.exec(text)![1]!, 'base64');
  expect(decodeRecordEntry(new Uint8Array(extra))).toMatchObject({ kind: 'disbursement', id: Number(/gongkai-disbursement-(\d+)/.exec(download.suggestedFilename())![1]) });
});

test('one changed byte in a tile the proof uses makes the page say the check failed', async ({ page }) => {
  const fund = one(`SELECT code FROM funds ORDER BY code LIMIT 1`);
  const idx = Number(one(`SELECT idx FROM ledger_records WHERE kind = 'fund' AND record_id = '${fund}'`));
  // The leaf's sibling hash in the level-0 tile is the first proof step.
  await page.route(/\/ledger\/tile\/0\/000(\.p\/\d+)?$/, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    const at = ((idx % 256) ^ 1) * 32;
    body[at] = body[at]! ^ 0x01;
    await route.fulfill({ response: res, body });
  });
  await page.goto(`/funds/${fund}/`);
  await expect(status(page)).toContainText(/^核验失败：.*未能由公开账本证实/);
});

test('one changed byte in the record’s own entry bundle is caught too', async ({ page }) => {
  const project = one('SELECT code FROM projects ORDER BY code LIMIT 1');
  const idx = Number(one(`SELECT idx FROM ledger_records WHERE kind = 'project' AND record_id = '${project}'`));
  await page.route(/\/ledger\/tile\/entries\//, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    let at = 0; // walk the uint16 length prefixes to the project's entry
    for (let i = 0; i < idx % 256; i++) at += 2 + body.readUInt16BE(at);
    body[at + 2 + 30] = body[at + 2 + 30]! ^ 0x01; // a byte inside its JSON
    await route.fulfill({ response: res, body });
  });
  await page.goto(`/en/projects/${project}/`);
  await expect(status(page)).toContainText(/^Verification FAILED/);
});

test('/verify shows the checkpoint, checks one entry and the whole log', async ({ page }) => {
  await page.goto('/verify/');
  await expect(page.getByRole('heading', { name: '核验公开账本', level: 1 })).toBeVisible();
  await expect(page.locator('[data-f="size"]')).toHaveText(/^\d+$/);
  const size = Number(await page.locator('[data-f="size"]').textContent());
  await expect(page.locator('[data-f="vkey"]')).toHaveText(readFileSync(join(clientDir(), 'ledger/vkey'), 'utf8').trim());
  await expect(page.locator('[data-f="watch"]')).toContainText('本浏览器首次记住此检查点');
  await page.getByLabel('账本编号').fill('3');
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.locator('[data-f="oneStatus"]')).toHaveText('已核验：账本第 3 号收录于第 1 版公开账本。');
  await expect(page.locator('[data-f="entry"]')).toContainText('gongkai/record/v1');
  await page.getByRole('button', { name: '核验整个账本' }).click();
  await expect(page.locator('[data-f="allStatus"]')).toContainText(/^已核验：全部 \d+ 条记录/, { timeout: 30_000 });
  expect(size).toBeGreaterThan(1000);
  // The next visit finds the same checkpoint remembered.
  await page.reload();
  await expect(page.locator('[data-f="watch"]')).toHaveText('与本浏览器上次看到的检查点相同。');
});

test('./gongkai verify accepts the built site, over HTTP too, and names one changed byte', async ({ baseURL }) => {
  const { spawnSync } = await import('node:child_process');
  const { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/main.ts', 'verify', ...args], { encoding: 'utf8' });
  const vkey = readFileSync(join(clientDir(), 'ledger/vkey'), 'utf8').trim();
  const ok = cli(clientDir(), '--key', vkey);
  expect(ok.status, ok.stderr).toBe(0);
  expect(cli(`${baseURL}/`, '--key', vkey).status).toBe(0);

  const copy = mkdtempSync(join(tmpdir(), 'gongkai-ledger-e2e-'));
  try {
    cpSync(join(clientDir(), 'ledger'), copy, { recursive: true });
    const width = readdirSync(join(copy, 'tile/1/000.p'))[0]!; // the sample's level-1 tile is partial
    const tile = join(copy, 'tile/1/000.p', width);
    const bytes = readFileSync(tile);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(tile, bytes);
    const bad = cli(copy, '--key', vkey);
    expect(bad.status).toBe(1);
    expect(bad.stderr + bad.stdout).toMatch(new RegExp(`FAILED: .*tile/1/000\\.p/${width}`));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

// The widget and /verify after their scripts ran (the site's axe pass may run before).
for (const url of ['/verify/', '/en/verify/', '/villages/430524101001/']) {
  test(`axe after the ledger check: ${url}`, async ({ page }) => {
    await page.goto(url);
    // A village page checks every payment it lists: give a loaded CI machine time.
    await expect(page.locator('[data-state="ok"]').first()).toBeVisible({ timeout: 30_000 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}
