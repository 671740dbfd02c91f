// What a citizen may send (zod), and the messages a refusal carries in both languages.
// The same schema serves the no-JavaScript form and the JSON API, so both refuse alike.
import { z } from 'zod';
import { CATEGORIES, REQUESTERS } from './schema.ts';

/** Larger bodies are refused before they are read (413). */
export const MAX_BODY_BYTES = 32 * 1024;

/** Control characters other than tab/newline, lone surrogates, and U+FFFD (what a bad encoding decodes to). */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (min: number, max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(min).max(max).refine((s) => !UNSAFE_TEXT.test(s), { message: 'encoding' }));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(max).refine((s) => !UNSAFE_TEXT.test(s), { message: 'encoding' }))
    .transform((s) => (s === '' ? null : s));

/** Record links the public site gives out (src/site/README.md: RecordActions). */
export const RECORD_PATTERN = /^(disbursement|fund|project|village|budget-unit|institution):[A-Za-z0-9_.-]{1,40}$/;

export const submissionSchema = z.object({
  category: z.enum(CATEGORIES),
  requester: z.enum(REQUESTERS).optional().default('person'),
  /** a budget unit's code, or empty / "unsure" when the citizen does not know */
  department: z
    .string()
    .optional()
    .transform((s) => (!s || s === 'unsure' ? null : s))
    .pipe(z.string().regex(/^[0-9A-Za-z-]{1,20}$/).nullable()),
  record: z
    .string()
    .optional()
    .transform((s) => (s ? s.trim() : null))
    .pipe(z.string().regex(RECORD_PATTERN).nullable()),
  subject: text(2, 100),
  body: text(5, 5000),
  name: optionalText(40),
  phone: optionalText(20).pipe(z.string().regex(/^\+?[0-9 -]{5,20}$/).nullable()),
  /** the honeypot: a field people never see; bots fill it */
  website: z.string().max(0).optional(),
});

export type Submission = z.output<typeof submissionSchema>;

export const credentialsSchema = z.object({
  number: z.string().trim().regex(/^\d{8}-[0-9A-Z]{6}$/i).transform((s) => s.toUpperCase()),
  code: z.string().trim().min(8).max(20),
});

export const verdictSchema = z.enum(['resolved', 'unresolved']);
export const ratingSchema = z.coerce.number().int().min(1).max(5);

export interface FieldError {
  field: string;
  zh: string;
  en: string;
}

const FIELD_NAMES: Record<string, [string, string]> = {
  category: ['类别', 'Category'],
  requester: ['申请人类型', 'Requester type'],
  department: ['部门', 'Department'],
  record: ['关联记录', 'Linked record'],
  subject: ['标题', 'Subject'],
  body: ['内容', 'Message'],
  name: ['姓名', 'Name'],
  phone: ['电话', 'Phone'],
  website: ['网址', 'Website'],
  number: ['查询编号', 'Tracking number'],
  code: ['查询码', 'Query code'],
};

/** zod issues → one message per field, in Chinese and English. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    const [zhName, enName] = FIELD_NAMES[field] ?? [field, field];
    let zh: string;
    let en: string;
    if (issue.message === 'encoding') {
      zh = `${zhName}含有无法识别的字符，请检查输入法或编码`;
      en = `${enName} contains characters that cannot be read (wrong encoding?)`;
    } else if (issue.code === 'too_small') {
      zh = `${zhName}太短（至少 ${String(issue.minimum)} 个字）`;
      en = `${enName} is too short (at least ${String(issue.minimum)} characters)`;
    } else if (issue.code === 'too_big') {
      zh = `${zhName}太长（最多 ${String(issue.maximum)} 个字）`;
      en = `${enName} is too long (at most ${String(issue.maximum)} characters)`;
    } else if (field === 'website') {
      zh = '提交被拒绝';
      en = 'Submission refused';
    } else {
      zh = `${zhName}填写不正确`;
      en = `${enName} is not valid`;
    }
    seen.set(field, { field, zh, en });
  }
  return [...seen.values()];
}

/** A plain-object view of form data or JSON, keeping only string values. */
export function stringFields(input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (input instanceof FormData || input instanceof URLSearchParams) {
    for (const [k, v] of input.entries()) if (typeof v === 'string') out[k] = v;
  } else if (input && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
