// GET /admin/uploads/<id>/errors.csv: the report's problems for Excel (uploader only).
import type { APIRoute } from 'astro';
import { forbidden, requireRole } from '../../../../auth/guard.ts';
import { rolesFor } from '../../../../backoffice/access.ts';
import { getReport, reportCsv } from '../../../../backoffice/uploads.ts';
import { liveDb } from '../../../../db/live.ts';

export const prerender = false;

export const GET: APIRoute = (context) => {
  const denied = requireRole(context, ...rolesFor('uploads'));
  if (denied) return denied;
  const id = Number(context.params.id);
  const report = Number.isSafeInteger(id) ? getReport(liveDb(), id, context.locals.staff!.id) : undefined;
  if (!report) return forbidden('没有找到这条记录。', 'No such record.', 404);
  return new Response(reportCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="errors-${report.id}.csv"; filename*=UTF-8''${encodeURIComponent(`问题清单-${report.fileName.replace(/\.[^.]*$/, '')}.csv`)}`,
    },
  });
};
