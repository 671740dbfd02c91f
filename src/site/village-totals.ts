// What each village received in all (payments, money, distinct recipients), from the
// per-build aggregates: the village index, village pages and the villages dataset share it.
import type { Db } from '../db/client.ts';
import { perDb } from '../db/read.ts';
import { addTotals, emptyTotals, fundVillageStats, type Totals } from '../funds/queries.ts';
import { paymentStore } from '../funds/payment-queries.ts';

export type VillageTotals = Totals & { people: number };

/** village id → totals; `people` counts each recipient once across funds. */
export const villageTotals = perDb((db: Db): Map<number, VillageTotals> => {
  const out = new Map<number, VillageTotals>();
  for (const s of fundVillageStats(db)) {
    const t = out.get(s.villageId) ?? (out.set(s.villageId, { ...emptyTotals(), people: 0 }).get(s.villageId) as VillageTotals);
    addTotals(t, s);
  }
  for (const [villageId, [from, to]] of paymentStore(db).villages) {
    const t = out.get(villageId);
    if (t) t.people = to - from;
  }
  return out;
});
