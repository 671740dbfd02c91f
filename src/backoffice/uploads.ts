// Browser uploads (issue 6): the file goes to a private temporary file, through the SAME
// importer as `./gongkai import` (src/import/run.ts) with status 'pending', and every
// attempt is kept as a report the uploader reads at /admin/uploads/<id>. The temporary
// file (full ID numbers!) is deleted as soon as the importer is done with it.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ROOT } from '../lib/root.ts';
import { audit } from '../auth/audit.ts';
import type { Staff } from '../auth/users.ts';
import { csvDocument } from '../lib/csv.ts';
import { issueRows } from '../import/report.ts';
import { KIND_NAMES, type KindName } from '../import/kind.ts';
import { KINDS, isKindName } from '../import/kinds.ts';
import { importFiles } from '../import/run.ts';
import { uploadReports, type UploadReport } from './schema.ts';
import { importBatches } from '../import/schema.ts';

/** The largest file a browser may upload (the CLI takes bigger ones). */
export const MAX_UPLOAD_BYTES = Number(process.env.GONGKAI_MAX_UPLOAD_BYTES ?? 300 * 1024 * 1024);

/** The kinds staff can upload, with their titles, in load order. */
export function uploadKinds(): { name: KindName; zh: string; en: string }[] {
  return KIND_NAMES.map((name) => ({ name, zh: KINDS[name].title.zh, en: KINDS[name].title.en }));
}

/** A request problem the page shows as a 400 (zh + en), before any import runs. */
export class UploadRefused extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(en);
    this.zh = zh;
    this.en = en;
  }
}

function uploadDir(): string {
  const dir = resolve(ROOT, process.env.GONGKAI_UPLOAD_DIR ?? 'data/uploads');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export interface UploadInput {
  kind: FormDataEntryValue | null;
  file: FormDataEntryValue | null;
}

/** Validate and (if clean) load an uploaded file as a pending batch; returns the report. */
export async function handleUpload(db: Db, staff: Staff, input: UploadInput, ip: string | null): Promise<UploadReport> {
  const kind = typeof input.kind === 'string' ? input.kind : '';
  if (!isKindName(kind)) throw new UploadRefused('请选择数据类别。', 'Choose the kind of data.');
  const file = input.file;
  if (!file || typeof file === 'string' || file.size === 0) throw new UploadRefused('请选择要上传的 CSV 文件（文件不能为空）。', 'Choose a CSV file to upload (it must not be empty).');
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new UploadRefused(`文件太大：上限为 ${Math.round(MAX_UPLOAD_BYTES / 1024 ** 2)} MB，更大的文件请交给管理员用命令行导入。`, `The file is too large: the limit is ${Math.round(MAX_UPLOAD_BYTES / 1024 ** 2)} MB (larger files: ask the administrator to use the CLI).`);
  }
  const name = (file.name || `${kind}.csv`).replace(/[\\/\0]/g, '_').slice(0, 200);
  const tmp = join(uploadDir(), `${randomBytes(12).toString('hex')}.csv`);
  const started = performance.now();
  try {
    await pipeline(Readable.fromWeb(file.stream() as unknown as WebReadableStream), createWriteStream(tmp, { mode: 0o600 }));
    const result = await importFiles(db, [{ path: tmp, kind, name }], { user: staff.username, status: 'pending' });
    const f = result.files[0]!;
    const report = db
      .insert(uploadReports)
      .values({
        at: new Date().toISOString(),
        userId: staff.id,
        kind,
        fileName: name,
        bytes: file.size,
        ok: result.ok,
        batchId: result.ok ? f.batchId : null,
        rows: f.rows,
        totalFen: f.totalFen,
        encoding: f.encoding,
        issueCount: result.issueCount,
        issues: result.issues,
        notices: f.notices,
        seconds: (performance.now() - started) / 1000,
      })
      .returning()
      .get();
    audit(db, {
      actorId: staff.id,
      action: result.ok ? 'upload.accepted' : 'upload.refused',
      target: result.ok ? `batch:${f.batchId}` : `upload:${report.id}`,
      ip,
      detail: { kind, file: name, bytes: file.size, rows: f.rows, issues: result.issueCount, report: report.id },
    });
    return report;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** A report, if it belongs to this uploader. */
export function getReport(db: Db, id: number, userId: number): UploadReport | undefined {
  return db.select().from(uploadReports).where(and(eq(uploadReports.id, id), eq(uploadReports.userId, userId))).get();
}

/** The uploader's recent attempts, newest first. */
export function recentReports(db: Db, userId: number, limit = 20): (Omit<UploadReport, 'issues' | 'notices'> & { batchStatus: string | null })[] {
  return db
    .select({
      id: uploadReports.id, at: uploadReports.at, userId: uploadReports.userId, kind: uploadReports.kind, fileName: uploadReports.fileName,
      bytes: uploadReports.bytes, ok: uploadReports.ok, batchId: uploadReports.batchId, rows: uploadReports.rows, totalFen: uploadReports.totalFen,
      encoding: uploadReports.encoding, issueCount: uploadReports.issueCount, seconds: uploadReports.seconds,
      batchStatus: importBatches.status,
    })
    .from(uploadReports)
    .leftJoin(importBatches, eq(importBatches.id, uploadReports.batchId))
    .where(eq(uploadReports.userId, userId))
    .orderBy(desc(uploadReports.id))
    .limit(limit)
    .all();
}

/** The report's problems as a CSV document (the same columns as the CLI's --report). */
export function reportCsv(report: UploadReport): string {
  return csvDocument(['文件 file', '行 row', '列 column', '值 value', '原因 reason', 'code', 'reason (English)'], issueRows(report.issues));
}
