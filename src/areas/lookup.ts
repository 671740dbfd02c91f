// Resolving the township and village names that other CSV kinds carry.
import type { Db } from '../db/client.ts';
import { townships, villages } from './schema.ts';

export interface AreaLookup {
  township(name: string): number | undefined;
  village(townshipId: number, name: string): number | undefined;
  villageName(villageId: number): string;
}

/** Load every township and village once (a county has a few hundred) for fast lookups. */
export function areaLookup(db: Db): AreaLookup {
  const townshipIds = new Map(db.select().from(townships).all().map((t) => [t.name, t.id]));
  const vs = db.select().from(villages).all();
  const villageIds = new Map(vs.map((v) => [`${v.townshipId}/${v.name}`, v.id]));
  const names = new Map(vs.map((v) => [v.id, v.name]));
  return {
    township: (name) => townshipIds.get(name),
    village: (townshipId, name) => villageIds.get(`${townshipId}/${name}`),
    villageName: (id) => names.get(id) ?? String(id),
  };
}
