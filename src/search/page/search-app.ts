// The /search/ page's script: reads the form (q, v = village code, staff), asks the loaded
// indexes, and shows results grouped by kind. The form is a plain GET form, so the URL
// holds the query (shareable, back button works); without JavaScript the page says so and
// links to browsing by village and by fund (SearchView.astro).
import { createSearchClient, findVillages, type HouseholdResult } from '../client.ts';
import type { Locale } from '../../site/i18n/index.ts';
import { localePath, paths } from '../../site/paths.ts';
import { h, readPageJson, translatorOf, yuan, type UiStrings } from '../ui.ts';
import type { SideKind } from '../types.ts';

/** What the page hands the script (SearchView.astro). */
export interface SearchPageData {
  strings: UiStrings;
  searchBase: string;
  locale: Locale;
  /** BCP 47 tag for number formatting */
  lang: string;
}

const LIMIT = 50;
const data = readPageJson<SearchPageData>('search-data');
const t = translatorOf(data.strings);
const client = createSearchClient({ baseUrl: data.searchBase });
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const out = document.querySelector<HTMLElement>('[data-search-results]')!;
const L = (path: string): string => localePath(data.locale, path);

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  history.replaceState(null, '', `${location.pathname}?${params}`);
  void run();
});
void run();

type Group = { kind: string; items: HTMLElement[]; total: number };

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const q = (params.get('q') ?? '').trim();
  const villageCode = params.get('v') ?? '';
  const staff = params.get('staff') === '1';
  (form.elements.namedItem('q') as HTMLInputElement).value = q;
  (form.elements.namedItem('v') as HTMLSelectElement).value = villageCode;
  (form.elements.namedItem('staff') as HTMLInputElement).checked = staff;
  if (q === '') {
    out.replaceChildren();
    return;
  }
  out.replaceChildren(h('p', { role: 'status' }, t('searchPage.loading')));
  try {
    const groups: Group[] = [];
    const locator = await client.locator();
    if (villageCode) {
      const v = await client.village(villageCode);
      const hits = v.search(q, 1000);
      groups.push({ kind: 'households', items: hits.slice(0, LIMIT).map((r) => householdItem(r, villageCode)), total: hits.length });
    }
    const villages = findVillages(locator, q);
    groups.push({
      kind: 'villages',
      items: villages.slice(0, LIMIT).map((v) => h('li', {}, h('a', { href: L(paths.village(v.code)) }, v.name), ` · ${v.township}`)),
      total: villages.length,
    });
    const kinds: SideKind[] = ['projects', 'funds', 'units', 'institutions', ...(staff ? (['staff'] as const) : [])];
    const sides = await Promise.all(kinds.map((k) => client.side(k)));
    const institutions = staff ? await client.side('institutions') : null;
    sides.forEach((side, i) => {
      const kind = kinds[i]!;
      const rows = side.search(q, 1000);
      groups.push({ kind, items: rows.slice(0, LIMIT).map((r) => sideItem(kind, r, side.refs, institutions?.rows ?? [])), total: rows.length });
    });
    render(q, groups);
  } catch {
    out.replaceChildren(h('p', { role: 'alert' }, t('searchPage.failed')));
  }
}

function render(q: string, groups: Group[]): void {
  const found = groups.filter((g) => g.total > 0);
  if (found.length === 0) {
    out.replaceChildren(h('p', { role: 'status' }, t('searchPage.none', { q })));
    return;
  }
  out.replaceChildren(
    h('p', { role: 'status', class: 'vh' }, t('searchPage.count', { n: found.reduce((s, g) => s + g.total, 0) })),
    ...found.map((g) =>
      h(
        'section',
        { class: 'search-group', 'aria-labelledby': `g-${g.kind}` },
        h('h2', { id: `g-${g.kind}` }, `${t(`searchPage.kind.${g.kind}`)}（${g.total}）`),
        h('ul', { class: 'search-list' }, g.items),
        g.total > g.items.length ? h('p', { class: 'note' }, t('searchPage.more', { n: g.items.length })) : null,
      ),
    ),
  );
}

function householdItem(r: HouseholdResult, villageCode: string): HTMLElement {
  return h(
    'li',
    {},
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('strong', {}, r.name),
        ` · ${t('searchPage.idTail', { tail: r.idLast4 })} · ${t('searchPage.householdNo', { no: r.householdNo })} · `,
        t('searchPage.payments', { n: r.payments.length, amount: yuan(r.totalFen, data.lang) }),
        r.via === 'mask' ? h('span', { class: 'note' }, ` （${t('searchPage.viaMask')}）`) : null,
      ),
      h(
        'ul',
        {},
        r.payments.map((p) =>
          h(
            'li',
            {},
            `${p.paidOn} · ${p.fund} · ${yuan(p.amountFen, data.lang)} · ${p.status} `,
            p.id > 0 ? h('a', { href: paths.report(`disbursement:${p.id}`) }, t('searchPage.report')) : null,
          ),
        ),
      ),
      h('p', {}, h('a', { href: L(paths.village(villageCode)) }, t('searchPage.villagePage'))),
    ),
  );
}

function sideItem(kind: SideKind, r: unknown[], refs: string[], institutions: unknown[][]): HTMLElement {
  const s = (i: number): string => String(r[i] ?? '');
  switch (kind) {
    case 'projects': // [code, name, fundCode, township, village, place, amountFen, status]
      return h('li', {}, h('a', { href: L(paths.project(s(0))) }, s(1)), ` · ${[s(3), s(4), s(5)].filter(Boolean).join(' ')} · ${yuan(Number(r[6]), data.lang)}`);
    case 'funds': // [code, name, year, kind, nameDisplay, office]
      return h('li', {}, h('a', { href: L(paths.fund(s(0))) }, s(1)), ` · ${s(2)} · ${s(5)}`);
    case 'units': // [code, name]
      return h('li', {}, h('a', { href: L(paths.budgetUnit(s(0))) }, s(1)), ` · ${s(0)}`);
    case 'institutions': // [code, name, kind, parent]
      return h('li', {}, h('a', { href: L(paths.institution(s(0))) }, s(1)), s(3) ? ` · ${s(3)}` : '');
    case 'staff': {
      // [name, institution index, post, quota type]; institutions.json rows share that order
      const inst = institutions[Number(r[1])];
      const name = refs[Number(r[1])] ?? '';
      return h('li', {}, h('strong', {}, s(0)), ` · ${s(2)} · `, inst ? h('a', { href: L(paths.institution(String(inst[0]))) }, name) : name);
    }
  }
}
