import { describe, expect, it } from 'vitest';
import { barChartSvg } from './charts.ts';

describe('barChartSvg', () => {
  it('draws an SVG with the labels and nothing a strict CSP would block', () => {
    const svg = barChartSvg({ categories: ['3天以内', '4至10天', '10天以上'], values: [76, 10, 12], label: (v) => `${v}%` });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox');
    for (const text of ['3天以内', '76%', '12%']) expect(svg).toContain(text);
    expect(svg).not.toMatch(/<style|style="|ecmeta_|<script/);
  });
});
