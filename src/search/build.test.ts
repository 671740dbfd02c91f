import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchShards, buildVillageShard } from './build.ts';
import { shownNameOf } from './household-doc.ts';
import { FIXTURE_FUNDS, FUNDS_BY_CODE, household } from './fixtures.ts';
import { syntheticAreas, syntheticFunds, syntheticSideData, syntheticVillages } from './synthetic.ts';
import type { LocatorFile, VillageIndexFile } from './types.ts';

describe('which name a household is shown under', () => {
  it('is the full name only when every payment comes from a fund that shows full names', () => {
    expect(shownNameOf(household('王小明', '1001', ['ZX2025-01']), FUNDS_BY_CODE)).toBe('王小明');
    expect(shownNameOf(household('王小明', '1001', ['ZX2025-01', 'ZX2025-07']), FUNDS_BY_CODE)).toBe('王*明');
  });

  it('stays masked even when the caller hands over the full name of a masked household', () => {
    const h = { ...household('王大明', '1234', ['ZX2025-07']), fullName: '王大明' };
    expect(shownNameOf(h, FUNDS_BY_CODE)).toBe('王*明');
    const shard = buildVillageShard({ village: { code: 'v1', name: '村', townshipCode: 't' }, households: [h] }, FUNDS_BY_CODE);
    const text = JSON.stringify(shard);
    expect(text).not.toContain('大');
    expect(text).not.toContain('da');
  });

  it('keeps payments in the store, not the index, as integer fen', () => {
    const shard = buildVillageShard(
      { village: { code: 'v1', name: '村', townshipCode: 't' }, households: [household('王小明', '1001')] },
      new Map(FIXTURE_FUNDS.map((f) => [f.code, f])),
    );
    expect(JSON.stringify(shard.index)).not.toContain('12345');
    expect(shard.store.payments[0]).toEqual([[0, 12_345, '2025-04-01', 0, 7001]]);
  });
});

describe('buildSearchShards', () => {
  const opts = { townships: 2, villagesPerTownship: 2, householdsPerVillage: 60 };
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one index and store per village, side indexes and a locator, each with an identical .gz twin', async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-build-'));
    const side = syntheticSideData(opts);
    const report = await buildSearchShards({
      outDir: dir,
      townships: syntheticAreas(opts),
      funds: syntheticFunds(),
      villages: (function* () {
        for (const v of syntheticVillages(opts)) yield v.input;
      })(),
      projects: side.projects,
      budgetUnits: [{ code: '101001', name: '县财政局' }],
      institutions: side.institutions,
      staff: side.staff.slice(0, 100),
    });
    expect(report.villages).toBe(4);
    const paths = report.files.map((f) => f.path).sort();
    expect(paths).toContain('villages/430524101201.idx.json');
    expect(paths).toContain('villages/430524101201.store.json');
    for (const kind of ['locator', 'projects', 'funds', 'units', 'institutions', 'staff']) expect(paths).toContain(`${kind}.json`);
    for (const f of report.files) {
      const raw = await readFile(join(dir, f.path));
      expect(gunzipSync(await readFile(join(dir, `${f.path}.gz`))).equals(raw)).toBe(true);
    }
    const locator = JSON.parse(await readFile(join(dir, 'locator.json'), 'utf8')) as LocatorFile;
    const first = locator.townships[0]![3][0]!;
    const idx = JSON.parse(await readFile(join(dir, 'villages', `${first[0]}.idx.json`), 'utf8')) as VillageIndexFile;
    expect(first[3]).toBe(idx.rows.length);
    expect(first[4]).toMatch(/^[0-9a-f]{8}$/);
    expect(first[2]).toMatch(/^[a-z ]+$/);
  });
});
