import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../privacy/id-number.ts';
import { buildSearchShards, buildVillageShard, writeJsonPair } from './build.ts';
import { FIXTURE_PEOPLE, FUNDS_BY_CODE, household } from './fixtures.ts';
import { scanForPrivacyLeaks, type PrivateName } from './privacy-scan.ts';
import { privateNamesOf, syntheticAreas, syntheticFunds, syntheticSideData, syntheticVillages } from './synthetic.ts';
import type { VillageIndexFile, VillageStoreFile } from './types.ts';

let dir = '';
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'search-scan-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the privacy scan on a built county', () => {
  it('passes on every shard the builder wrote', async () => {
    const opts = { townships: 2, villagesPerTownship: 3, householdsPerVillage: 150, seed: 7 };
    const side = syntheticSideData(opts);
    const secrets: PrivateName[] = [];
    await buildSearchShards({
      outDir: join(dir, 'county'),
      townships: syntheticAreas(opts),
      funds: syntheticFunds(),
      villages: (function* () {
        for (const v of syntheticVillages(opts)) {
          secrets.push(...privateNamesOf(v));
          yield v.input;
        }
      })(),
      projects: side.projects,
      budgetUnits: [],
      institutions: side.institutions,
      staff: side.staff.slice(0, 200),
    });
    const files = await listFiles(join(dir, 'county'));
    expect(files.length).toBe(6 * 2 * 2 + 6 * 2);
    expect(secrets.length).toBeGreaterThan(300);
    expect(await scanForPrivacyLeaks(files, secrets)).toEqual([]);
  });
});

describe('the privacy scan finds planted leaks', () => {
  const village = '430524101201';
  const secrets: PrivateName[] = FIXTURE_PEOPLE.filter(([, , funds]) => funds.some((f) => f !== 'ZX2025-01')).map(
    ([fullName]) => ({ villageCode: village, fullName }),
  );
  const clean = (): { index: VillageIndexFile; store: VillageStoreFile } =>
    buildVillageShard(
      { village: { code: village, name: '和平村', townshipCode: '430524101' }, households: FIXTURE_PEOPLE.map(([n, l, f]) => household(n, l, f)) },
      FUNDS_BY_CODE,
    );
  const rowOf = (index: VillageIndexFile, last4: string): number => index.rows.findIndex((r) => r[2] === last4);

  async function scan(name: string, shard: { index: VillageIndexFile; store: VillageStoreFile }): Promise<string[]> {
    await writeJsonPair(join(dir, name), 'v.idx.json', shard.index);
    await writeJsonPair(join(dir, name), 'v.store.json', shard.store);
    const leaks = await scanForPrivacyLeaks(await listFiles(join(dir, name)), secrets);
    return [...new Set(leaks.map((l) => l.problem))].sort();
  }

  it('finds nothing in the clean fixture', async () => {
    expect(secrets.map((s) => s.fullName)).toContain('王大明');
    expect(await scan('clean', clean())).toEqual([]);
  });

  it('a masked household shown by its full name', async () => {
    const s = clean();
    s.index.rows[rowOf(s.index, '1234')]![0] = '王大明';
    expect(await scan('full-row', s)).toContain('full-name');
  });

  it('a mask that shows a hidden character', async () => {
    const s = clean();
    s.index.rows[rowOf(s.index, '1234')]![0] = '王大*';
    expect(await scan('mask-shape', s)).toContain('mask-shape');
  });

  it('a hidden character or a foreign reading in the pinyin dictionary', async () => {
    const s = clean();
    s.index.py['大'] = 'da';
    s.index.py['王'] = 'wang/da';
    expect(await scan('dictionary', s)).toEqual(['foreign-reading', 'hidden-char', 'masked-token']);
  });

  it('a full name in pinyin, or in characters, hidden in the store', async () => {
    const s = clean();
    (s.store as unknown as Record<string, unknown>)['note'] = 'wang da ming';
    expect(await scan('pinyin', s)).toEqual(['full-name-pinyin']);
    const t = clean();
    t.store.statuses.push('付欧阳小明');
    expect(await scan('in-store', t)).toContain('full-name');
  });

  it('a full ID number anywhere, and more than 4 ID characters in a row', async () => {
    const first17 = '43052419800101123';
    const s = clean();
    s.store.statuses.push(first17 + idCheckChar(first17));
    s.index.rows[0]![2] = '********1234';
    expect(await scan('id', s)).toEqual(['full-id', 'id-last4']);
  });

  it('a leak present only in the .gz twin', async () => {
    const s = clean();
    const sub = join(dir, 'gz-only');
    await writeJsonPair(sub, 'v.idx.json', s.index);
    s.index.rows[rowOf(s.index, '1234')]![0] = '王大明';
    const leaky = await writeJsonPair(join(dir, 'gz-leaky'), 'v.idx.json', s.index);
    const leaks = await scanForPrivacyLeaks([join(sub, 'v.idx.json'), join(dir, 'gz-leaky', `${leaky.path}.gz`)], secrets);
    expect(leaks.map((l) => [l.file.endsWith('.gz'), l.problem])).toEqual([[true, 'full-name']]);
  });
});
