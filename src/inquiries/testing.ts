// Test helpers for inquiries: a budget unit to route to, a submission, and staff actors.
import type { Db } from '../db/client.ts';
import type { Actor } from './service.ts';
import type { Submission } from './validate.ts';

/** Insert the budget units the tests route items to (with the import batch they need). */
export function seedUnits(db: Db, units: [string, string][] = [['101001', '县财政局'], ['102001', '县人民政府办公室']]): void {
  const batch = db.$client
    .prepare(`INSERT INTO import_batches (kind, file_name, file_sha256, encoding, rows, created_at, created_by, status) VALUES ('budget-lines', 't.csv', ?, 'utf-8', 0, '2025-01-01T00:00:00Z', 'test', 'loaded')`)
    .run(`sha-${Math.random()}`).lastInsertRowid;
  for (const [code, name] of units) db.$client.prepare(`INSERT INTO budget_units (code, name, batch_id) VALUES (?, ?, ?)`).run(code, name, batch);
}

export const sample = (o: Partial<Submission> = {}): Submission => ({
  category: 'complaint',
  requester: 'person',
  department: '101001',
  record: 'disbursement:12',
  subject: '补贴少发了',
  body: '我是李四，电话 13900001111，身份证 430524196501110327，补贴少发了 200 元。',
  name: '李四',
  phone: '13900001111',
  ...o,
});

export const REGISTRAR: Actor = { id: 1, name: '登记员' };
export const HANDLER: Actor = { id: 2, name: '经办人' };
export const REVIEWER: Actor = { id: 3, name: '审核人' };
