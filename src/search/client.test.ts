import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchShards } from './build.ts';
import { createSearchClient, findVillages } from './client.ts';
import { FIXTURE_FUNDS, FIXTURE_PEOPLE, household } from './fixtures.ts';
import type { LocatorFile } from './types.ts';

let dir = '';
const requested: string[] = [];
let offline = false;
/** Reads the precompressed files, as a browser gets them from a server sending Content-Encoding: gzip. */
const loadJson = async (path: string): Promise<unknown> => {
  requested.push(path);
  if (offline) throw new Error('offline');
  return JSON.parse(gunzipSync(await readFile(join(dir, `${path.replace(/\?.*$/, '')}.gz`))).toString('utf8'));
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-client-'));
  await buildSearchShards({
    outDir: dir,
    townships: [
      { code: '430524101', name: '桃花坪镇', villages: [{ code: '430524101201', name: '和平村' }, { code: '430524101202', name: '红星村' }] },
    ],
    funds: FIXTURE_FUNDS,
    villages: [
      { village: { code: '430524101201', name: '和平村', townshipCode: '430524101' }, households: FIXTURE_PEOPLE.map(([n, l, f]) => household(n, l, f)) },
      { village: { code: '430524101202', name: '红星村', townshipCode: '430524101' }, households: [household('赵六', '9999')] },
    ],
    projects: [
      { code: 'XM2025-001', name: '和平村道路硬化工程', fundCode: 'ZX2025-40', township: '桃花坪镇', village: '和平村', place: '一组至G207', amountFen: 50_000_000, status: '在建' },
      { code: 'XM2025-002', name: '红星村安全饮水工程', fundCode: 'ZX2025-40', township: '桃花坪镇', village: '红星村', place: '村部', amountFen: 9_000_000, status: '已完工' },
    ],
    budgetUnits: [{ code: '101001', name: '县财政局' }],
    institutions: [{ code: 'JG0001', name: '县人民医院', kind: '事业', parent: '卫生健康局' }],
    staff: [
      { name: '周建国', institutionCode: 'JG0001', post: '医师', quotaType: '事业编制' },
      { name: '何安', institutionCode: 'JG0001', post: '护士', quotaType: '事业编制' },
    ],
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the page search client', () => {
  it('finds a household in a chosen village with its payments and total in fen', async () => {
    const client = createSearchClient({ loadJson });
    const village = await client.village('430524101201');
    const [hit] = village.search('wxm');
    expect(hit).toMatchObject({ name: '王小明', householdNo: '0001', idLast4: '1001', via: 'name', totalFen: 12_345 });
    expect(hit?.payments).toEqual([{ id: 7001, fundCode: 'ZX2025-01', fund: '耕地地力保护补贴', amountFen: 12_345, paidOn: '2025-04-01', status: '已发放' }]);
  });

  it('loads only the locator and that village, with revisioned URLs, and keeps working offline', async () => {
    requested.length = 0;
    const client = createSearchClient({ loadJson });
    const village = await client.village('430524101201');
    expect(requested.map((p) => p.replace(/\?v=[0-9a-f]{8}$/, '?v=REV'))).toEqual([
      'locator.json',
      'villages/430524101201.idx.json?v=REV',
      'villages/430524101201.store.json?v=REV',
    ]);
    offline = true;
    try {
      expect(village.search('王大明').map((r) => r.idLast4)).toEqual(['1234', '5678']);
      expect((await client.village('430524101201')).search('曾国藩')).toHaveLength(1);
    } finally {
      offline = false;
    }
  });

  it('searches projects by name, code and place, and staff by pinyin', async () => {
    const client = createSearchClient({ loadJson });
    const projects = await client.side('projects');
    expect(projects.search('道路硬化').map((r) => r[0])).toEqual(['XM2025-001']);
    expect(projects.search('xm2025-002').map((r) => r[0])).toEqual(['XM2025-002']);
    expect(projects.search('G207').map((r) => r[0])).toEqual(['XM2025-001']);
    expect(projects.search('工程')).toHaveLength(2);
    const staff = await client.side('staff');
    expect(staff.search('zjg').map((r) => r[0])).toEqual(['周建国']);
    expect(staff.search('hean').map((r) => r[0])).toEqual(['何安']);
    expect(staff.refs[Number(staff.search('周建国')[0]?.[1])]).toBe('县人民医院');
    expect((await client.side('units')).search('财政').map((r) => r[1])).toEqual(['县财政局']);
    expect((await client.side('funds')).search('耕地').map((r) => r[0])).toEqual(['ZX2025-01']);
  });

  it('picks villages from the letter pad by initials or pinyin', async () => {
    const locator = (await loadJson('locator.json')) as LocatorFile;
    expect(findVillages(locator, 'hp').map((v) => v.name)).toEqual(['和平村']);
    expect(findVillages(locator, 'hongx').map((v) => v.name)).toEqual(['红星村']);
    expect(findVillages(locator, '红星').map((v) => v.township)).toEqual(['桃花坪镇']);
  });
});

describe('compound surnames (复姓)', () => {
  it('finds a masked 尉*民 (尉迟民) by yuchimin, yuchim and ycm: the head carries its compound reading', async () => {
    const { buildVillageShard } = await import('./build.ts');
    const { openVillage } = await import('./client.ts');
    const { FUNDS_BY_CODE } = await import('./fixtures.ts');
    const h = household('尉迟民', '0610', ['ZX2025-07']);
    const shard = buildVillageShard({ village: { code: 'v', name: '村', townshipCode: 't' }, households: [h] }, FUNDS_BY_CODE);
    expect(shard.index.rows[0]![0]).toBe('尉*民');
    const v = openVillage(shard.index, shard.store);
    for (const q of ['yuchimin', 'yuchim', 'ycm', '尉迟民']) expect(v.search(q).map((r) => r.idLast4), q).toEqual(['0610']);
  });
});
