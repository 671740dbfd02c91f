import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders Markdown and keeps only safe markup', () => {
    const html = renderMarkdown('# 标题\n\n**补贴**[链接](javascript:alert(1)) <script>alert(1)</script><img src=x onerror="alert(1)">\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<strong>补贴</strong>');
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|onerror|javascript:/);
    // Headings sit below the page's own h1/h2.
    expect(html).toContain('<h3>标题</h3>');
  });
});
