// Charts drawn at build time as SVG with Apache ECharts' server-side renderer, so pages need
// no chart JavaScript. Every chart is shown beside a table of the same numbers (the table is
// what screen readers use). The SVG is trimmed for a strict CSP: no <style>, no style
// attributes, no hover metadata.
import * as echarts from 'echarts';

export interface BarChart {
  categories: string[];
  values: number[];
  /** how a value label reads, e.g. 76.4% */
  label?: (value: number) => string;
  /** horizontal bars suit long category names (villages, townships) */
  horizontal?: boolean;
  width?: number;
  height?: number;
}

const INK = '#222';
const BAR = '#8c1515';
const FONT = 'system-ui, sans-serif';
const cache = new Map<string, string>();

/** Strip what ECharts adds for interactivity and turn inline styles into SVG attributes. */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ (?:class|pointer-events|ecmeta_[a-z_]+)="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_m, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter((d) => /^(font-size|font-family|font-weight):/.test(d))
        .map((d) => {
          const [k, v] = d.split(':') as [string, string];
          return ` ${k.trim()}="${v.trim().replace(/"/g, "'")}"`;
        })
        .join(''),
    )
    .replace(/<svg width="\d+" height="\d+"/, '<svg')
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>\n?/, '')
    .replace(/\n/g, '');
}

/** A bar chart as an SVG string (memoised: the same numbers draw once per build). */
export function barChartSvg(c: BarChart): string {
  const labels = c.values.map((v) => (c.label ? c.label(v) : String(v)));
  const key = JSON.stringify([c.categories, c.values, labels, c.horizontal, c.width, c.height]);
  const hit = cache.get(key);
  if (hit) return hit;
  const width = c.width ?? 440;
  const height = c.height ?? (c.horizontal ? Math.max(160, 30 * c.categories.length + 40) : 260);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const cat = { type: 'category' as const, data: c.categories, axisLabel: { color: INK, fontSize: 14, fontFamily: FONT }, axisLine: { lineStyle: { color: INK } }, inverse: !!c.horizontal };
  const val = { type: 'value' as const, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#ddd' } } };
  chart.setOption({
    animation: false,
    grid: { left: c.horizontal ? 8 : 16, right: c.horizontal ? 72 : 16, top: 28, bottom: 8, containLabel: true },
    textStyle: { fontFamily: FONT },
    xAxis: c.horizontal ? val : cat,
    yAxis: c.horizontal ? cat : val,
    series: [
      {
        type: 'bar',
        data: c.values,
        itemStyle: { color: BAR },
        barMaxWidth: 48,
        label: { show: true, position: c.horizontal ? 'right' : 'top', color: INK, fontSize: 14, fontFamily: FONT, formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '' },
      },
    ],
  });
  const svg = cleanSvg(chart.renderToSVGString());
  chart.dispose();
  cache.set(key, svg);
  return svg;
}
