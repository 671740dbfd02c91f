// The answer library (content/answers/*.md): suggested while a citizen types, so common
// questions are answered without staff. Matching is by keyword, the way the county's
// 2,500-entry library worked: an entry scores one point per keyword found in the text
// (longer keywords weigh more), and the best few are shown. Pure: the browser runs it too.

export interface LibraryEntry {
  slug: string;
  question: string;
  keywords: string[];
  department: string;
  /** sanitised HTML of the answer */
  html: string;
}

/** The best `limit` entries for `text`, best first; none below one keyword hit. */
export function suggest<E extends Pick<LibraryEntry, 'keywords' | 'question'>>(entries: E[], text: string, limit = 3): E[] {
  const t = text.toLowerCase();
  if (t.trim().length < 2) return [];
  const scored: [E, number][] = [];
  for (const e of entries) {
    let score = 0;
    for (const k of e.keywords) if (t.includes(k.toLowerCase())) score += Math.min(4, k.length);
    if (score > 0) scored.push([e, score]);
  }
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([e]) => e);
}
