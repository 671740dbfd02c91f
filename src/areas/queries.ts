// Read queries for townships and villages, for the public pages (published batches only).
import type { Db } from '../db/client.ts';
import { PUBLISHED, perDb } from '../db/read.ts';
import type { Township, Village } from './schema.ts';

export interface VillageInfo extends Pick<Village, 'id' | 'code' | 'name' | 'kind'> {
  township: Pick<Township, 'id' | 'code' | 'name'>;
}

export interface TownshipInfo extends Pick<Township, 'id' | 'code' | 'name'> {
  villages: VillageInfo[];
}

/** Every published township with its villages, both in code order. */
export const areaTree = perDb((db: Db): TownshipInfo[] => {
  const rows = db.$client
    .prepare(
      `SELECT v.id, v.code, v.name, v.kind, t.id AS tid, t.code AS tcode, t.name AS tname
         FROM villages v JOIN townships t ON t.id = v.township_id
        WHERE ${PUBLISHED('v')} AND ${PUBLISHED('t')}
        ORDER BY t.code, v.code`,
    )
    .all() as { id: number; code: string; name: string; kind: Village['kind']; tid: number; tcode: string; tname: string }[];
  const out: TownshipInfo[] = [];
  for (const r of rows) {
    let t = out.at(-1);
    if (!t || t.id !== r.tid) {
      t = { id: r.tid, code: r.tcode, name: r.tname, villages: [] };
      out.push(t);
    }
    t.villages.push({ id: r.id, code: r.code, name: r.name, kind: r.kind, township: { id: r.tid, code: r.tcode, name: r.tname } });
  }
  return out;
});

/** Villages by id, for joining aggregates computed elsewhere. */
export const villagesById = perDb((db: Db): Map<number, VillageInfo> => {
  const map = new Map<number, VillageInfo>();
  for (const t of areaTree(db)) for (const v of t.villages) map.set(v.id, v);
  return map;
});
