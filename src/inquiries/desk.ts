// The staff desk (issue 5) on the back office's auth (issue 6): the registrar triages
// (category, department, deadline), a handler bound to a department drafts, a reviewer
// approves or returns; anyone handling may forward between departments. Every step is in
// inquiry_events (the handling slip) and in the audit log — never with contact details.
import type { AstroGlobal } from 'astro';
import { z } from 'zod';
import { audit } from '../auth/audit.ts';
import { clientIp } from '../auth/client.ts';
import { hasRole, requireRole } from '../auth/guard.ts';
import type { Role } from '../auth/roles.ts';
import type { Staff } from '../auth/users.ts';
import { rolesFor } from '../backoffice/access.ts';
import { liveDb } from '../db/live.ts';
import { chinaDate } from './calendar.ts';
import { OUTCOME_CODES } from './disclosure.ts';
import { CATEGORIES, REQUESTERS, STATUSES, type Inquiry, type InquiryAnswer, type InquiryEvent, type Status } from './schema.ts';
import { departments, recordLink, type RecordLink } from './reads.ts';
import { InquiryError, type Actor } from './service.ts';
import { answersOf, draft, eventsOf, extend, forward, getInquiry, queue, review, triage } from './staff.ts';
import type { Message } from './forms.ts';

/** Who may open the desk at all. */
export const DESK_ROLES: Role[] = rolesFor('inquiries');

const actorOf = (s: Staff): Actor => ({ id: s.id, name: s.displayName });

/** A handler sees only their department's items; registrars, reviewers and admins see all. */
function mayView(s: Staff, it: Inquiry): boolean {
  if (hasRole(s, ['admin', 'registrar', 'reviewer'])) return true;
  return hasRole(s, ['handler']) && s.departmentCode !== null && s.departmentCode === it.departmentCode;
}

/** Contact details: only for the registrar and the department handling it. */
function mayContact(s: Staff, it: Inquiry): boolean {
  return hasRole(s, ['admin', 'registrar']) || (hasRole(s, ['handler']) && s.departmentCode === it.departmentCode);
}

const DONE: Record<string, Message> = {
  triage: { zh: '已登记分办。', en: 'Registered and routed.' },
  forward: { zh: '已转办。', en: 'Forwarded.' },
  extend: { zh: '已延长期限。', en: 'Deadline extended.' },
  draft: { zh: '答复已提交审核。', en: 'Answer sent for review.' },
  approve: { zh: '答复已审核通过并公开。', en: 'Answer approved and published.' },
  return: { zh: '答复已退回。', en: 'Answer returned.' },
};

export interface DeskListProps {
  staff: Staff;
  items: Inquiry[];
  status: Status | undefined;
  today: string;
  departments: Map<string, string>;
  message: Message | null;
}

/** The queue: a handler's own department, or everything for the others, by status. */
export function deskListPage(Astro: AstroGlobal): Response | DeskListProps {
  const denied = requireRole(Astro, ...DESK_ROLES);
  if (denied) return denied;
  const staff = Astro.locals.staff as Staff;
  const s = Astro.url.searchParams.get('status');
  const status = (STATUSES as readonly string[]).includes(s ?? '') ? (s as Status) : undefined;
  const own = !hasRole(staff, ['admin', 'registrar', 'reviewer']);
  const db = liveDb();
  const items = own && !staff.departmentCode ? [] : queue(db, { status, department: own ? (staff.departmentCode ?? undefined) : undefined });
  const message = DONE[Astro.url.searchParams.get('done') ?? ''] ?? null;
  return { staff, items, status, today: chinaDate(), departments: new Map(departments(db).map((d) => [d.code, d.name])), message };
}

export interface DeskItemProps {
  staff: Staff;
  item: Inquiry;
  showContact: boolean;
  events: InquiryEvent[];
  answers: InquiryAnswer[];
  departments: { code: string; name: string }[];
  record: RecordLink | null;
  can: { triage: boolean; forward: boolean; draft: boolean; review: boolean; extend: boolean };
  message: Message | null;
  error: Message | null;
  csrf: string;
  today: string;
}

const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('triage'), category: z.enum(CATEGORIES), department: z.string().min(1), requester: z.enum(REQUESTERS).optional(), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('forward'), department: z.string().min(1), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('extend'), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('draft'), body: z.string().trim().min(5).max(20_000) }),
  z.object({
    action: z.literal('review'),
    decision: z.enum(['approve', 'return']),
    note: z.string().max(2000).optional(),
    outcome: z.enum(OUTCOME_CODES).optional().or(z.literal('').transform(() => undefined)),
    publicSubject: z.string().max(200).optional(),
    publicBody: z.string().max(5000).optional(),
  }),
]);


function permissions(s: Staff, it: Inquiry) {
  const handler = hasRole(s, ['handler']) && s.departmentCode !== null && s.departmentCode === it.departmentCode;
  const registrar = hasRole(s, ['admin', 'registrar']);
  return {
    triage: registrar && (it.status === 'received' || it.status === 'assigned'),
    forward: (registrar || handler) && it.status === 'assigned',
    draft: handler && it.status === 'assigned',
    review: hasRole(s, ['admin', 'reviewer']) && it.status === 'in_review',
    extend: (registrar || handler) && it.category === 'disclosure' && !it.extended && it.status !== 'answered',
  };
}

/** One item: GET shows it with the actions the person may take; POST takes one, then redirects. */
export async function deskItemPage(Astro: AstroGlobal): Promise<Response | DeskItemProps> {
  const denied = requireRole(Astro, ...DESK_ROLES);
  if (denied) return denied;
  const staff = Astro.locals.staff as Staff;
  const db = liveDb();
  const id = Number(Astro.params.id);
  let item: Inquiry;
  try {
    if (!Number.isInteger(id) || id <= 0) throw new InquiryError(404, '没有这条记录', 'No such item');
    item = getInquiry(db, id);
  } catch (err) {
    if (err instanceof InquiryError) return new Response('没有这条记录 No such item', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  if (!mayView(staff, item)) return new Response('无权查看 Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let error: Message | null = null;
  if (Astro.request.method === 'POST') {
    const form = Object.fromEntries([...(await Astro.request.formData()).entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const parsed = actionSchema.safeParse(form);
    const can = permissions(staff, item);
    try {
      if (!parsed.success) throw new InquiryError(422, '提交内容不完整或不正确', 'The form is incomplete or invalid');
      const a = parsed.data;
      if (!can[a.action]) throw new InquiryError(403, '您不能对该事项执行此操作', 'You may not do that to this item');
      const actor = actorOf(staff);
      let detail: Record<string, unknown> = {};
      let done = a.action as string;
      switch (a.action) {
        case 'triage':
          triage(db, actor, id, { category: a.category, department: a.department, ...(a.requester ? { requester: a.requester } : {}), note: a.note || null });
          detail = { category: a.category, department: a.department };
          break;
        case 'forward':
          forward(db, actor, id, a.department, a.note || null);
          detail = { from: item.departmentCode, to: a.department };
          break;
        case 'extend':
          extend(db, actor, id, a.note || null);
          break;
        case 'draft':
          draft(db, actor, id, a.body);
          break;
        case 'review':
          review(db, actor, id, { approve: a.decision === 'approve', note: a.note || null, outcome: a.outcome ?? null, publicSubject: a.publicSubject || null, publicBody: a.publicBody || null });
          detail = { decision: a.decision, ...(a.outcome ? { outcome: a.outcome } : {}) };
          done = a.decision;
          break;
      }
      audit(db, { actorId: staff.id, action: `inquiry.${done}`, target: `inquiry:${item.trackingNo}`, ip: clientIp(Astro), detail });
      // A handler who forwarded it away may no longer open it: back to their list.
      const still = mayView(staff, getInquiry(db, id));
      return Astro.redirect(still ? `/admin/inquiries/${id}?done=${done}` : `/admin/inquiries?done=${done}`, 303);
    } catch (err) {
      if (!(err instanceof InquiryError)) throw err;
      Astro.response.status = err.status;
      error = { zh: err.zh, en: err.en };
    }
    item = getInquiry(db, id);
  }
  const doneKey = Astro.url.searchParams.get('done') ?? '';
  return {
    staff,
    item,
    showContact: mayContact(staff, item),
    events: eventsOf(db, id),
    answers: answersOf(db, id),
    departments: departments(db),
    record: item.record ? recordLink(db, item.record) : null,
    can: permissions(staff, item),
    message: DONE[doneKey] ?? null,
    error,
    csrf: Astro.locals.csrfToken,
    today: chinaDate(),
  };
}
