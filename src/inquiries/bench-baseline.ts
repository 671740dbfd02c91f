// The bench's baseline: a bare node:http handler doing the same SQLite insert as a
// submission (the item and its first event, one transaction, same pragmas and schema) and
// nothing else — no validation, no guards, no hashing. Run as a child by bench.ts:
//   node src/inquiries/bench-baseline.ts DB  → prints "listening PORT"
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { openMigrated } from '../db/client.ts';

const db = openMigrated(process.argv[2]);
const insert = db.$client.prepare(
  `INSERT INTO inquiries (tracking_no, code_hash, category, requester, department_code, record, subject, body, contact_name, contact_phone, status, received_at, received_date, deadline, deadline_days)
   VALUES (?, 'x', ?, 'person', NULL, NULL, ?, ?, NULL, NULL, 'received', ?, ?, ?, 5)`,
);
const event = db.$client.prepare(`INSERT INTO inquiry_events (inquiry_id, at, action) VALUES (?, ?, 'submitted')`);
const tx = db.$client.transaction((b: { category: string; subject: string; body: string }) => {
  const now = new Date().toISOString();
  const id = insert.run(randomBytes(8).toString('hex'), b.category, b.subject, b.body, now, now.slice(0, 10), now.slice(0, 10)).lastInsertRowid;
  event.run(id, now);
  return id;
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { category: string; subject: string; body: string };
    const id = tx.immediate(b);
    const text = JSON.stringify({ id: Number(id) });
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  console.log(`listening ${typeof a === 'object' && a ? a.port : 0}`);
});
