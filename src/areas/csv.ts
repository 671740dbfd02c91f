// CSV kind `areas`: one row per village or community, with its township.
import { and, eq, sql } from 'drizzle-orm';
import { defineKind, opt, req } from '../import/kind.ts';
import { parseEnum, parseText, type Parsed } from '../import/fields.ts';
import { townships, villages } from './schema.ts';

const digits =
  (n: number) =>
  (raw: string): Parsed<string> =>
    new RegExp(`^\\d{${n}}$`).test(raw) ? { ok: true, value: raw } : { ok: false, code: 'code.format', params: { min: n, max: n } };

export const areasKind = defineKind({
  name: 'areas',
  title: { zh: '行政区划', en: 'Townships and villages' },
  columns: {
    townshipCode: req(['乡镇代码', '乡镇编码', 'township_code'], digits(9)),
    township: req(['乡镇', '乡镇名称', '乡(镇)', 'township'], (s) => parseText(s, 30)),
    villageCode: req(['村代码', '村编码', '村(社区)代码', 'village_code'], digits(12)),
    village: req(['村', '村名称', '村(社区)', '村/社区', '社区', 'village'], (s) => parseText(s, 30)),
    kind: opt(['类型', '村类型', 'village_kind'], (s) =>
      parseEnum(s, { 村: '村', 社区: '社区', village: '村', community: '社区' } as const),
    ),
  },
  open({ db, batchId, problem }) {
    const townshipByCode = new Map(db.select().from(townships).all().map((t) => [t.code, t]));
    const townshipCodeByName = new Map([...townshipByCode.values()].map((t) => [t.name, t.code]));
    const villageByCode = db
      .select({ batchId: villages.batchId })
      .from(villages)
      .where(eq(villages.code, sql.placeholder('code')))
      .prepare();
    const villageByName = db
      .select({ batchId: villages.batchId })
      .from(villages)
      .where(and(eq(villages.townshipId, sql.placeholder('township')), eq(villages.name, sql.placeholder('name'))))
      .prepare();
    const seen = new Map<string, number>(); // village code, and township/name → row
    return {
      add(r, row) {
        if (!r.villageCode.startsWith(r.townshipCode)) {
          problem({ column: 'villageCode', value: r.villageCode, code: 'area.code_prefix', params: { township: r.townshipCode } });
          return;
        }
        let township = townshipByCode.get(r.townshipCode);
        if (township && township.name !== r.township) {
          problem({ column: 'township', value: r.township, code: 'area.township_conflict', params: { code: r.townshipCode, name: township.name } });
          return;
        }
        const owner = townshipCodeByName.get(r.township);
        if (owner && owner !== r.townshipCode) {
          problem({ column: 'township', value: r.township, code: 'area.township_conflict', params: { code: owner, name: r.township } });
          return;
        }
        const nameKey = `${r.townshipCode}/${r.village}`;
        const earlier = seen.get(r.villageCode) ?? seen.get(nameKey);
        if (earlier) {
          problem({ column: 'villageCode', value: r.villageCode, code: 'unique.in_file', params: { row: earlier } });
          return;
        }
        const existing = villageByCode.get({ code: r.villageCode }) ?? (township && villageByName.get({ township: township.id, name: r.village }));
        if (existing) {
          problem({ column: 'villageCode', value: r.villageCode, code: 'unique.exists', params: { batch: existing.batchId } });
          return;
        }
        if (!township) {
          township = db.insert(townships).values({ code: r.townshipCode, name: r.township, batchId }).returning().get();
          townshipByCode.set(township.code, township);
          townshipCodeByName.set(township.name, township.code);
        }
        seen.set(r.villageCode, row);
        seen.set(nameKey, row);
        const kind = r.kind ?? (r.village.endsWith('社区') ? '社区' : '村');
        db.insert(villages).values({ code: r.villageCode, townshipId: township.id, name: r.village, kind, batchId }).run();
      },
    };
  },
});
