// Markdown from content/ → safe HTML: marked renders, sanitize-html keeps only plain
// document markup (no scripts, styles, iframes, event handlers or javascript: links).
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'), 'img'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['scope'], td: ['colspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Headings inside an entry start below the page's own h1 and section h2.
  transformTags: { h1: 'h3', h2: 'h3' },
};

const cache = new Map<string, string>();

/** Render Markdown to sanitised HTML (memoised per text). */
export function renderMarkdown(md: string): string {
  let html = cache.get(md);
  if (html === undefined) {
    html = sanitizeHtml(marked.parse(md, { async: false, gfm: true }), OPTIONS);
    cache.set(md, html);
  }
  return html;
}
