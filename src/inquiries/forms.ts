// The citizen pages' server side, kept out of .astro files: each function takes the page's
// Astro global, does the POST → redirect (or 4xx with messages) work, and returns the
// props its view renders. The guards (rate, size, Origin) ran already in the server hook.
import type { AstroGlobal } from 'astro';
import { cookieOptions } from '../auth/cookies.ts';
import { liveDb } from '../db/live.ts';
import { asLocale, type Locale } from '../site/i18n/index.ts';
import { localePath } from '../site/paths.ts';
import { chinaDate } from './calendar.ts';
import { departments, recordLink, type RecordLink } from './reads.ts';
import { citizenView, findWithCode, InquiryError, setRating, setVerdict, submitInquiry, type CitizenView } from './service.ts';
import { credentialsSchema, fieldErrors, ratingSchema, RECORD_PATTERN, stringFields, submissionSchema, verdictSchema, type FieldError } from './validate.ts';
import { CATEGORIES, type Category } from './schema.ts';

const RECEIPT_COOKIE = 'gk_receipt';

export interface Message {
  zh: string;
  en: string;
}

/** A message in the page's language (the other language follows in brackets for clarity). */
export function say(locale: Locale, m: Message): string {
  return locale === 'en' ? m.en : m.zh;
}

export interface NewFormProps {
  locale: Locale;
  values: Record<string, string>;
  errors: FieldError[];
  departments: { code: string; name: string }[];
  /** the published record the item is about, described in public words */
  record: RecordLink | null;
}

const TYPE_ALIASES: Record<string, Category> = { complaint: 'complaint', consult: 'consult', inquiry: 'consult', suggestion: 'suggestion', disclosure: 'disclosure' };

/** GET: the empty form (prefilled from ?type=&record=); POST: file and redirect to the receipt. */
export async function newInquiryPage(Astro: AstroGlobal): Promise<Response | NewFormProps> {
  const locale = asLocale(Astro.currentLocale);
  const db = liveDb();
  const depts = departments(db);
  if (Astro.request.method === 'POST') {
    let values: Record<string, string>;
    try {
      values = stringFields(await Astro.request.formData());
    } catch {
      Astro.response.status = 400;
      return { locale, values: {}, errors: [{ field: 'form', zh: '表单无法读取', en: 'The form could not be read' }], departments: depts, record: null };
    }
    const parsed = submissionSchema.safeParse(values);
    if (!parsed.success) {
      Astro.response.status = 422;
      return { locale, values, errors: fieldErrors(parsed.error), departments: depts, record: values.record ? recordLink(db, values.record) : null };
    }
    try {
      const r = submitInquiry(db, parsed.data);
      // The code is shown once, on the next page: a short-lived cookie, not the URL (logs, Referer).
      Astro.cookies.set(RECEIPT_COOKIE, `${r.trackingNo}.${r.code}.${r.deadline}`, cookieOptions(Astro.url, 900));
      return Astro.redirect(localePath(locale, '/inquiries/done/'), 303);
    } catch (err) {
      if (!(err instanceof InquiryError)) throw err;
      Astro.response.status = err.status;
      return { locale, values, errors: [{ field: 'department', zh: err.zh, en: err.en }], departments: depts, record: parsed.data.record ? recordLink(db, parsed.data.record) : null };
    }
  }
  const p = Astro.url.searchParams;
  const type = TYPE_ALIASES[p.get('type') ?? ''] ?? 'consult';
  const raw = p.get('record') ?? '';
  const record = RECORD_PATTERN.test(raw) ? raw : '';
  return { locale, values: { category: type, record }, errors: [], departments: depts, record: record ? recordLink(db, record) : null };
}

export interface DoneProps {
  locale: Locale;
  receipt: { trackingNo: string; code: string; deadline: string } | null;
}

/** The receipt, read once from its cookie and then forgotten. */
export function donePage(Astro: AstroGlobal): DoneProps {
  const locale = asLocale(Astro.currentLocale);
  const raw = Astro.cookies.get(RECEIPT_COOKIE)?.value;
  Astro.cookies.delete(RECEIPT_COOKIE, { path: '/' });
  Astro.response.headers.set('Cache-Control', 'no-store');
  const m = raw ? /^(\d{8}-[0-9A-Z]{6})\.([0-9A-Z]{5}-[0-9A-Z]{5})\.(\d{4}-\d{2}-\d{2})$/.exec(raw) : null;
  return { locale, receipt: m ? { trackingNo: m[1] as string, code: m[2] as string, deadline: m[3] as string } : null };
}

export interface TrackProps {
  locale: Locale;
  number: string;
  code: string;
  view: CitizenView | null;
  error: Message | null;
  notice: Message | null;
  today: string;
  departments: Map<string, string>;
  record: RecordLink | null;
}

/** GET: the look-up form; POST: show the case (and record a verdict or rating if sent). */
export async function trackPage(Astro: AstroGlobal): Promise<TrackProps> {
  const locale = asLocale(Astro.currentLocale);
  const db = liveDb();
  const depts = new Map(departments(db).map((d) => [d.code, d.name]));
  Astro.response.headers.set('Cache-Control', 'no-store');
  const base = { locale, number: '', code: '', view: null, error: null, notice: null, today: chinaDate(), departments: depts, record: null };
  if (Astro.request.method !== 'POST') return base;
  let values: Record<string, string>;
  try {
    values = stringFields(await Astro.request.formData());
  } catch {
    Astro.response.status = 400;
    return { ...base, error: { zh: '表单无法读取', en: 'The form could not be read' } };
  }
  const number = values.number ?? '';
  const code = values.code ?? '';
  const creds = credentialsSchema.safeParse({ number, code });
  if (!creds.success) {
    Astro.response.status = 400;
    return { ...base, number, error: { zh: '请填写正确格式的查询编号和查询码', en: 'Enter a tracking number and query code in the right format' } };
  }
  try {
    let notice: Message | null = null;
    let it;
    if (values.action === 'verdict') {
      const v = verdictSchema.safeParse(values.verdict);
      if (!v.success) throw new InquiryError(400, '请选择是否解决', 'Choose resolved or not');
      it = setVerdict(db, creds.data.number, creds.data.code, v.data);
      if (v.data === 'unresolved') notice = { zh: '已重新交办理部门。', en: 'Sent back to the department.' };
    } else if (values.action === 'rate') {
      const r = ratingSchema.safeParse(values.rating);
      if (!r.success) throw new InquiryError(400, '评分须为 1 到 5', 'A rating is 1 to 5');
      it = setRating(db, creds.data.number, creds.data.code, r.data);
    } else it = findWithCode(db, creds.data.number, creds.data.code);
    return { ...base, number: creds.data.number, code, view: citizenView(db, it), notice, record: it.record ? recordLink(db, it.record) : null };
  } catch (err) {
    if (!(err instanceof InquiryError)) throw err;
    Astro.response.status = err.status;
    return { ...base, number, error: { zh: err.zh, en: err.en } };
  }
}

export { CATEGORIES };
