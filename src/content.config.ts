// Content collections (Markdown in content/): notices and policy documents, and the
// explanation of each special fund, named by fund code (content/funds/ZX2025-01.md).
// Bodies are rendered with marked and sanitised (src/site/markdown.ts), not Astro's pipeline.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Keep file names as ids (fund codes are upper case; glob() would slugify them). */
const fileId = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

const notices = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/notices', generateId: fileId }),
  schema: z.object({
    title: z.string(),
    titleEn: z.string().optional(),
    /** publication date, YYYY-MM-DD */
    date: z
      .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()])
      .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
    category: z.enum(['notice', 'policy']).default('notice'),
    summary: z.string().optional(),
    summaryEn: z.string().optional(),
  }),
});

const funds = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/funds', generateId: fileId }),
  schema: z.object({
    /** heading above the explanation; the fund's name when absent */
    title: z.string().optional(),
    titleEn: z.string().optional(),
  }),
});

/** The inquiry answer library (issue 5): question, keywords, department; the body is the answer. */
const answers = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/answers', generateId: fileId }),
  schema: z.object({
    question: z.string(),
    questionEn: z.string().optional(),
    keywords: z.array(z.string()).min(1),
    /** budget unit code of the department that answers such questions */
    department: z.string(),
  }),
});

export const collections = { notices, funds, answers };
