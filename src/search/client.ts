// The page's search module (bundled for the browser; also runs in Node for tests and the
// benchmark). Loads the locator, then a village's index and store in parallel, and
// answers queries from memory: once a village is loaded, lookups need no network.
import type lunr from 'lunr';
import { indexFromTokens } from './lunr-index.ts';
import { householdTokens, staffTokens, textRowTokens } from './derive.ts';
import { HOUSEHOLD_FIELDS, STAFF_FIELDS, TEXT_FIELDS } from './fields.ts';
import { searchFullNames, searchHouseholds, searchText, type HouseholdHit } from './query.ts';
import { normalize } from './tokenize.ts';
import { LOCATOR_PATH, villagePaths } from './paths.ts';
import type { LocatorFile, SideIndexFile, SideKind, VillageIndexFile, VillageStoreFile } from './types.ts';

/** One payment as a result shows it. */
export interface PaymentView {
  /** disbursements.id (0 when the shard has none): for the complaint link */
  id: number;
  fundCode: string;
  fund: string;
  amountFen: number;
  paidOn: string;
  status: string;
}

/** A household found in a village. `via: 'mask'` means matched on its mask: check the ID's last 4. */
export interface HouseholdResult {
  ref: number;
  name: string;
  householdNo: string;
  idLast4: string;
  via: HouseholdHit['via'];
  payments: PaymentView[];
  totalFen: number;
}

/** A loaded village: search it as often as you like, offline. */
export interface VillageSearch {
  code: string;
  households: number;
  search(query: string, limit?: number): HouseholdResult[];
}

/** Opens a village from its two files (assembles the lunr index in memory). */
export function openVillage(file: VillageIndexFile, store: VillageStoreFile): VillageSearch {
  const index: lunr.Index = indexFromTokens(
    HOUSEHOLD_FIELDS,
    file.rows.map((r) => householdTokens(r[0], file.py)),
  );
  const toResult = (hit: HouseholdHit): HouseholdResult => {
    const [name, householdNo, idLast4] = file.rows[hit.ref]!;
    const payments = (store.payments[hit.ref] ?? []).map(([f, amountFen, paidOn, s, id]) => ({
      id: id ?? 0,
      fundCode: store.funds[f]?.[0] ?? '',
      fund: store.funds[f]?.[1] ?? '',
      amountFen,
      paidOn,
      status: store.statuses[s] ?? '',
    }));
    const totalFen = payments.reduce((sum, p) => sum + p.amountFen, 0);
    return { ref: hit.ref, name, householdNo, idLast4, via: hit.via, payments, totalFen };
  };
  return {
    code: file.village,
    households: file.rows.length,
    search: (query, limit = 50) => searchHouseholds({ index, rows: file.rows }, query, limit).map(toResult),
  };
}

/** A loaded side index (projects, funds, units, institutions, staff). */
export interface SideSearch {
  kind: SideKind;
  /** matching rows, columns as in side-indexes.ts */
  search(query: string, limit?: number): unknown[][];
  /** every row, in file order (row i is doc ref i) */
  rows: unknown[][];
  refs: string[];
}

/** Opens a side index file. */
export function openSide(file: SideIndexFile): SideSearch {
  const rows = file.rows;
  let run: (q: string, limit: number) => lunr.Index.Result[];
  if (file.kind === 'staff') {
    const py = file.py ?? {};
    const index = indexFromTokens(STAFF_FIELDS, rows.map((r) => staffTokens(r, py)));
    run = (q, limit) => searchFullNames(index, q, limit);
  } else {
    const kind = file.kind;
    const index = indexFromTokens(TEXT_FIELDS, rows.map((r) => textRowTokens(kind, r)));
    run = (q, limit) => searchText(index, q, limit);
  }
  return {
    kind: file.kind,
    rows,
    refs: file.refs ?? [],
    search: (q, limit = 50) => run(q, limit).map((r) => rows[Number(r.ref)]!),
  };
}

/** Villages whose name contains the text, or whose pinyin or initials start with it (letter pad). */
export function findVillages(locator: LocatorFile, typed: string): { township: string; code: string; name: string }[] {
  const q = normalize(typed).replace(/\s+/g, '');
  if (q === '') return [];
  const out: { township: string; code: string; name: string }[] = [];
  for (const [, townshipName, , villages] of locator.townships) {
    for (const [code, name, py] of villages) {
      const syllables = py.split(' ');
      if (name.includes(q) || syllables.join('').startsWith(q) || syllables.map((s) => s[0]).join('').startsWith(q)) {
        out.push({ township: townshipName, code, name });
      }
    }
  }
  return out;
}

/** How the client fetches a file (path relative to the search folder) as parsed JSON. */
export type LoadJson = (path: string) => Promise<unknown>;

export interface SearchClientOptions {
  /** e.g. '/search/'; used by the default loader */
  baseUrl?: string;
  loadJson?: LoadJson;
  /** villages kept in memory (a kiosk moves between a few) */
  keepVillages?: number;
}

/** The page's entry point: loads files on demand and caches them. */
export function createSearchClient(opts: SearchClientOptions = {}): {
  locator(): Promise<LocatorFile>;
  village(code: string): Promise<VillageSearch>;
  side(kind: SideKind): Promise<SideSearch>;
} {
  const base = opts.baseUrl ?? '/search/';
  const load: LoadJson =
    opts.loadJson ??
    (async (path) => {
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`search: ${path}: HTTP ${res.status}`);
      return res.json();
    });
  const keep = opts.keepVillages ?? 4;
  let locatorP: Promise<LocatorFile> | undefined;
  const villages = new Map<string, Promise<VillageSearch>>();
  const sides = new Map<SideKind, Promise<SideSearch>>();

  const locator = (): Promise<LocatorFile> => (locatorP ??= load(LOCATOR_PATH) as Promise<LocatorFile>);
  const revOf = async (code: string): Promise<string> => {
    for (const [, , , vs] of (await locator()).townships) for (const v of vs) if (v[0] === code) return v[4];
    throw new Error(`search: no village ${code}`);
  };

  return {
    locator,
    village(code) {
      let p = villages.get(code);
      if (!p) {
        p = (async () => {
          const rev = await revOf(code);
          const paths = villagePaths(code);
          const [file, store] = await Promise.all([load(`${paths.index}?v=${rev}`), load(`${paths.store}?v=${rev}`)]);
          return openVillage(file as VillageIndexFile, store as VillageStoreFile);
        })();
        p.catch(() => villages.delete(code)); // a failed load may be retried
        villages.set(code, p);
        while (villages.size > keep) villages.delete(villages.keys().next().value!);
      }
      return p;
    },
    side(kind) {
      let p = sides.get(kind);
      if (!p) {
        p = (async () => {
          const rev = (await locator()).side[kind];
          return openSide((await load(`${kind}.json?v=${rev}`)) as SideIndexFile);
        })();
        p.catch(() => sides.delete(kind));
        sides.set(kind, p);
      }
      return p;
    },
  };
}
