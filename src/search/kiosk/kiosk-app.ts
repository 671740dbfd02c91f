// The village kiosk (issue 4): township → village → name (pinyin initials on a letter pad,
// or typed) → the household's payments for the year, to print or to question.
// The page (KioskView.astro) renders steps 1 and 2 as plain links, so without JavaScript a
// person still reaches the village's published list; this script turns them into steps.
// Touch first: every control is a button or link, nothing depends on hover.
import { createSearchClient, type HouseholdResult, type VillageSearch } from '../client.ts';
import { paths } from '../../site/paths.ts';
import { h, readPageJson, translatorOf, yuan, type UiStrings } from '../ui.ts';

/** What the page hands the script (KioskView.astro). */
export interface KioskPageData {
  strings: UiStrings;
  /** where the search files are, e.g. '/search/' */
  searchBase: string;
  /** the service worker's URL, or '' to run without one */
  worker: string;
  /** milliseconds without a touch before the kiosk starts again */
  idleMs: number;
}

type Step = 'township' | 'village' | 'name' | 'household';
const STEPS: Step[] = ['township', 'village', 'name', 'household'];
/** Results shown at once: more would scroll off a kiosk screen; another letter narrows them. */
const MAX_SHOWN = 24;

const data = readPageJson<KioskPageData>('kiosk-data');
const t = translatorOf(data.strings);
const client = createSearchClient({ baseUrl: data.searchBase });
const $ = <E extends Element = HTMLElement>(sel: string, root: ParentNode = document): E => root.querySelector(sel) as E;
const $$ = (sel: string, root: ParentNode = document): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(sel));

const root = $('[data-kiosk]');
const input = $<HTMLInputElement>('[data-name-input]');
const results = $('[data-results]');
const status = $('[data-village-status]');
const slip = $('[data-slip]');

let step: Step = 'township';
let townshipCode = '';
let village: { code: string; name: string; township: string } | null = null;
let loaded: VillageSearch | null = null;
let household: HouseholdResult | null = null;
let year = '';
/** bumps on every restart, so a village that finishes loading after one is ignored */
let generation = 0;

// A kiosk stands in one place: `/kiosk/?village=<code>` (or `?township=<code>`) makes that
// its home step, where it starts and where "start again" and the idle reset return; the
// home village is loaded at once (and kept by the service worker), so its farmers wait for
// nothing. "Back" still leads to every other village.
const params = new URLSearchParams(location.search);
const homeVillage = document.querySelector<HTMLElement>(`[data-village="${CSS.escape(params.get('village') ?? '')}"]`);
const homeTownship = homeVillage?.closest<HTMLElement>('[data-villages-of]')?.dataset['villagesOf'] ?? params.get('township') ?? '';

root.classList.add('js');
goHome();

function goHome(): void {
  townshipCode = homeTownship && document.querySelector(`[data-villages-of="${CSS.escape(homeTownship)}"]`) ? homeTownship : '';
  if (homeVillage) openVillage(homeVillage.dataset['village'] ?? '', homeVillage.dataset['name'] ?? '', homeVillage.dataset['townshipName'] ?? '');
  else show(townshipCode ? 'village' : 'township');
}

function show(next: Step): void {
  step = next;
  for (const s of $$('[data-step]')) s.hidden = s.dataset['step'] !== next;
  $$('[data-progress] li').forEach((li, i) => {
    if (i === STEPS.indexOf(next)) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  });
  $('[data-back]').hidden = next === 'township';
  // Move focus to the step's heading: a screen reader hears where it is, a kiosk scrolls up.
  const heading = $(`[data-step="${next}"] h2`);
  if (next === 'village') {
    for (const list of $$('[data-villages-of]')) list.hidden = list.dataset['villagesOf'] !== townshipCode;
  }
  heading?.focus({ preventScroll: false });
  window.scrollTo(0, 0);
}

function restart(): void {
  generation++;
  townshipCode = '';
  village = null;
  loaded = null;
  household = null;
  year = '';
  input.value = '';
  results.replaceChildren();
  status.replaceChildren();
  slip.replaceChildren();
  goHome();
}

// ---- steps 1 and 2: the links become steps --------------------------------------------
root.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const townshipLink = target.closest<HTMLElement>('[data-township]');
  if (townshipLink) {
    e.preventDefault();
    townshipCode = townshipLink.dataset['township'] ?? '';
    show('village');
    return;
  }
  const villageLink = target.closest<HTMLElement>('[data-village]');
  if (villageLink) {
    e.preventDefault();
    openVillage(villageLink.dataset['village'] ?? '', villageLink.dataset['name'] ?? '', villageLink.dataset['townshipName'] ?? '');
  }
});

function openVillage(code: string, name: string, township: string): void {
  village = { code, name, township };
  loaded = null;
  input.value = '';
  results.replaceChildren();
  $('[data-village-name]').textContent = `${township} ${name}`;
  show('name');
  loadVillage();
}

function loadVillage(): void {
  if (!village) return;
  const gen = generation;
  const code = village.code;
  status.replaceChildren(h('p', { class: 'k-note' }, t('kiosk.loading')));
  client.village(code).then(
    (v) => {
      if (gen !== generation || village?.code !== code) return;
      loaded = v;
      status.replaceChildren(h('p', { class: 'k-note' }, t('kiosk.households', { n: v.households })));
      runSearch();
    },
    () => {
      if (gen !== generation || village?.code !== code) return;
      const retry = h('button', { type: 'button', class: 'k-btn k-small' }, t('kiosk.retry'));
      retry.addEventListener('click', loadVillage);
      status.replaceChildren(h('p', { class: 'k-error', role: 'alert' }, t('kiosk.failed')), retry);
    },
  );
}

// ---- step 3: the letter pad and the name field -----------------------------------------
$('[data-pad]').addEventListener('click', (e) => {
  const key = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
  if (!key) return;
  const k = key.dataset['key'] ?? '';
  if (k === 'del') input.value = Array.from(input.value).slice(0, -1).join('');
  else if (k === 'clear') input.value = '';
  else input.value += k.toLowerCase();
  runSearch();
});
input.addEventListener('input', runSearch);

function runSearch(): void {
  if (!loaded) return;
  const q = input.value.trim();
  $('[data-typed]').textContent = q.toUpperCase();
  if (q === '') {
    results.replaceChildren();
    return;
  }
  const hits = loaded.search(q, 1000);
  if (hits.length === 0) {
    results.replaceChildren(h('p', { class: 'k-note', role: 'status' }, t('kiosk.none')));
    return;
  }
  const shown = hits.slice(0, MAX_SHOWN);
  const note = hits.length > MAX_SHOWN ? t('kiosk.tooMany', { n: hits.length, shown: MAX_SHOWN }) : t('kiosk.results', { n: hits.length });
  results.replaceChildren(
    h('p', { class: 'k-note', role: 'status' }, note),
    h(
      'ul',
      { class: 'k-grid k-hits' },
      shown.map((r) => {
        const b = h(
          'button',
          { type: 'button', class: 'k-btn k-hit' },
          h('span', { class: 'k-hit-name' }, r.name),
          // Namesakes (and a full name matched through its mask) are told apart here.
          h('span', { class: 'k-hit-id' }, t('kiosk.idTail', { tail: r.idLast4 })),
          h('span', { class: 'k-hit-meta' }, `${t('kiosk.householdNo', { no: r.householdNo })} · ${t('kiosk.paymentsCount', { n: r.payments.length })}`),
        );
        b.addEventListener('click', () => openHousehold(r));
        return h('li', {}, b);
      }),
    ),
  );
}

// ---- step 4: the household's payments ---------------------------------------------------
function openHousehold(r: HouseholdResult): void {
  household = r;
  const years = yearsOf(r);
  year = years[years.length - 1] ?? '';
  renderSlip();
  show('household');
}

function yearsOf(r: HouseholdResult): string[] {
  return [...new Set(r.payments.map((p) => p.paidOn.slice(0, 4)))].sort();
}

function renderSlip(): void {
  const r = household;
  if (!r || !village) return;
  const years = yearsOf(r);
  const rows = r.payments.filter((p) => p.paidOn.startsWith(year));
  const total = rows.reduce((s, p) => s + p.amountFen, 0);
  const yearButtons =
    years.length > 1
      ? h(
          'div',
          { class: 'k-years', role: 'group', 'aria-label': t('kiosk.years') },
          years.map((y) => {
            const b = h('button', { type: 'button', class: 'k-btn k-small', 'aria-pressed': String(y === year) }, t('kiosk.year', { year: y }));
            b.addEventListener('click', () => {
              year = y;
              renderSlip();
            });
            return b;
          }),
        )
      : null;
  const table =
    rows.length === 0
      ? h('p', {}, t('kiosk.noPayments'))
      : h(
          'table',
          { class: 'k-table' },
          h('caption', { class: 'vh' }, `${t('kiosk.slipTitle')} ${t('kiosk.year', { year })}`),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t('kiosk.fund')), h('th', { scope: 'col', class: 'num' }, t('kiosk.amount')), h('th', { scope: 'col' }, t('kiosk.date')), h('th', { scope: 'col' }, t('kiosk.status')), h('th', { scope: 'col', class: 'k-noprint' }, t('kiosk.action'))),
          ),
          h(
            'tbody',
            {},
            rows.map((p) =>
              h(
                'tr',
                {},
                h('td', {}, p.fund),
                h('td', { class: 'num' }, yuan(p.amountFen)),
                h('td', {}, p.paidOn),
                h('td', {}, p.status),
                h(
                  'td',
                  { class: 'k-noprint' },
                  p.id > 0 ? h('a', { class: 'k-btn k-small k-complain', href: paths.report(`disbursement:${p.id}`) }, t('kiosk.complain')) : null,
                ),
              ),
            ),
          ),
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('kiosk.total')), h('td', { class: 'num' }, yuan(total)), h('td', { colspan: 3 }))),
        );
  slip.replaceChildren(
    h('h2', { tabindex: -1 }, `${t('kiosk.slipTitle')}（${t('kiosk.year', { year })}）`),
    h(
      'p',
      { class: 'k-who' },
      h('strong', {}, r.name),
      ` · ${t('kiosk.idTail', { tail: r.idLast4 })} · ${t('kiosk.householdNo', { no: r.householdNo })}`,
      h('br'),
      `${village.township} ${village.name}`,
    ),
    ...(yearButtons ? [yearButtons] : []),
    table,
    h('p', { class: 'k-printed' }, t('kiosk.printedAt', { time: new Date().toLocaleString('zh-CN') })),
  );
}

$('[data-print]').addEventListener('click', () => window.print());

// ---- always there: back, start again, idle reset ----------------------------------------
$('[data-back]').addEventListener('click', () => {
  const i = STEPS.indexOf(step);
  if (i > 0) show(STEPS[i - 1]!);
});
$('[data-restart]').addEventListener('click', (e) => {
  e.preventDefault();
  restart();
});

let idleTimer: ReturnType<typeof setTimeout> | undefined;
function touched(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(restart, data.idleMs);
}
for (const type of ['pointerdown', 'keydown', 'input', 'touchstart']) document.addEventListener(type, touched, { passive: true });
touched();

const offlineNote = $('[data-offline]');
const onLine = (): void => void (offlineNote.hidden = navigator.onLine);
window.addEventListener('online', onLine);
window.addEventListener('offline', onLine);
onLine();

// Offline after a village has loaded: the worker keeps the page, locator and shards.
if (data.worker && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(data.worker, { scope: './' }).catch(() => undefined);
}

// The ledger (issue 7): the kiosk remembers the last signed checkpoint it saw and checks,
// at every start, that the current one extends it. Its own chunk, loaded after the kiosk.
void import('../../ledger/client/kiosk-watch.ts').then((m) => m.showLedgerWatch($('[data-ledger-kiosk]'), t)).catch(() => undefined);
