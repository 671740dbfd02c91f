// The browser side of `bench search`: the page's search client as the kiosk uses it, with
// hooks the bench calls through Playwright. Bundled by bench-county.ts; never shipped.
import { createSearchClient } from './client.ts';

const client = createSearchClient({ baseUrl: '/search/' });
const out = document.getElementById('out')!;

(window as unknown as { bench: unknown }).bench = {
  /** what the kiosk loads at start: the code (already here) and the locator */
  async init(): Promise<void> {
    await client.locator();
  },
  /** a village chosen → its files loaded and opened → the first query's results on screen */
  async first(code: string, query: string): Promise<{ ms: number; hits: number }> {
    const t0 = performance.now();
    const village = await client.village(code);
    const hits = village.search(query, 24);
    out.replaceChildren(...hits.map((h) => Object.assign(document.createElement('li'), { textContent: `${h.name} ${h.idLast4}` })));
    return { ms: performance.now() - t0, hits: hits.length };
  },
  /** query times after load, one per query */
  async queries(code: string, list: string[]): Promise<number[]> {
    const village = await client.village(code);
    return list.map((q) => {
      const t = performance.now();
      village.search(q, 1000);
      return performance.now() - t;
    });
  },
};
