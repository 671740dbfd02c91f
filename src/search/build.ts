// Builds the search files at publish time: one shard per village (lunr index + store),
// the locator, and the side indexes. Villages are pulled one at a time and dropped once
// written, so memory stays bounded by the largest village, not the county
// (search-notes: one county-wide index took 12 GB to build and could not be loaded).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { shownNameOf } from './household-doc.ts';
import { LOCATOR_PATH, villagePaths } from './paths.ts';
import { pinyinDictionary, textPinyin } from './pinyin.ts';
import { fundsFile, institutionsFile, projectsFile, staffFile, unitsFile } from './side-indexes.ts';
import type {
  FundInput,
  LocatorFile,
  LocatorVillage,
  SearchBuildInput,
  SideKind,
  HouseholdRow,
  StoredPayment,
  VillageIndexFile,
  VillageShardInput,
  VillageStoreFile,
} from './types.ts';

/** The index and store of one village (pure: no I/O). */
export function buildVillageShard(
  input: VillageShardInput,
  fundsByCode: ReadonlyMap<string, FundInput>,
): { index: VillageIndexFile; store: VillageStoreFile } {
  const fundSlots = new Map<string, number>();
  const statusSlots = new Map<string, number>();
  const slot = (m: Map<string, number>, key: string): number => {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = m.size));
    return i;
  };
  const rows: HouseholdRow[] = [];
  const payments: StoredPayment[][] = [];
  for (const h of input.households) {
    rows.push([shownNameOf(h, fundsByCode), h.householdNo.trim(), h.idLast4.trim()]);
    payments.push(h.payments.map((p): StoredPayment => [slot(fundSlots, p.fundCode), p.amountFen, p.paidOn, slot(statusSlots, p.status), p.id ?? 0]));
  }
  const code = input.village.code;
  return {
    index: { v: 1, village: code, rows, py: pinyinDictionary(rows.map((r) => r[0])) },
    store: {
      v: 1,
      village: code,
      funds: [...fundSlots.keys()].map((c) => [c, fundsByCode.get(c)?.name ?? c]),
      statuses: [...statusSlots.keys()],
      payments,
    },
  };
}

/** A file written, with its sizes in bytes. */
export interface WrittenFile {
  path: string;
  bytes: number;
  gzBytes: number;
  rev: string;
}

/** Writes `value` as `<path>` and a gzip-precompressed `<path>.gz` beside it. */
export async function writeJsonPair(outDir: string, path: string, value: unknown): Promise<WrittenFile> {
  const text = JSON.stringify(value);
  const raw = Buffer.from(text, 'utf8');
  const gz = gzipSync(raw, { level: zlib.Z_BEST_COMPRESSION });
  const full = join(outDir, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, raw);
  await writeFile(`${full}.gz`, gz);
  const rev = createHash('sha256').update(raw).digest('hex').slice(0, 10);
  return { path, bytes: raw.length, gzBytes: gz.length, rev };
}

/** What a build wrote. */
export interface SearchBuildReport {
  files: WrittenFile[];
  villages: number;
  documents: number;
}

/** Builds every search file into `input.outDir`, one village at a time. */
export async function buildSearchShards(input: SearchBuildInput): Promise<SearchBuildReport> {
  const fundsByCode = new Map(input.funds.map((f) => [f.code, f]));
  const files: WrittenFile[] = [];
  const villageRev = new Map<string, { rev: string; households: number }>();
  let documents = 0;
  for await (const village of input.villages) {
    const shard = buildVillageShard(village, fundsByCode);
    const paths = villagePaths(village.village.code);
    const idx = await writeJsonPair(input.outDir, paths.index, shard.index);
    const store = await writeJsonPair(input.outDir, paths.store, shard.store);
    files.push(idx, store);
    documents += shard.index.rows.length;
    const rev = createHash('sha256').update(idx.rev + store.rev).digest('hex').slice(0, 8);
    villageRev.set(village.village.code, { rev, households: village.households.length });
  }

  const side: [SideKind, unknown][] = [
    ['projects', projectsFile(input.projects)],
    ['funds', fundsFile(input.funds)],
    ['units', unitsFile(input.budgetUnits)],
    ['institutions', institutionsFile(input.institutions)],
    ['staff', staffFile(input.staff, input.institutions)],
  ];
  const sideRev = {} as Record<SideKind, string>;
  for (const [kind, file] of side) {
    const written = await writeJsonPair(input.outDir, `${kind}.json`, file);
    files.push(written);
    sideRev[kind] = written.rev;
  }

  const locator: LocatorFile = {
    v: 1,
    townships: input.townships.map((t) => [
      t.code,
      t.name,
      textPinyin(t.name),
      t.villages.map((v): LocatorVillage => {
        const built = villageRev.get(v.code);
        return [v.code, v.name, textPinyin(v.name), built?.households ?? 0, built?.rev ?? ''];
      }),
    ]),
    side: sideRev,
  };
  files.push(await writeJsonPair(input.outDir, LOCATOR_PATH, locator));
  return { files, villages: villageRev.size, documents };
}
