// The body of a village page's payment table, as one HTML string. A seed build renders
// 1.7 million payment rows (two locales); building them from the column store with
// per-fund and per-date fragments cached is what keeps the build within budget.
// Every value is escaped (html.ts); the markup is the same an Astro template would give.
import { groupsOf, isoDay, type PaymentStore } from '../funds/payment-queries.ts';
import { formatter } from './format.ts';
import { esc } from './html.ts';
import { t, type Locale } from './i18n/index.ts';
import { localePath, paths } from './paths.ts';

interface Fragments {
  fundName: string[];
  date: Map<number, string>;
  household: string;
  reportPrefix: string;
  reportText: string;
}

const cache = new Map<string, Fragments>();

function fragments(s: PaymentStore, locale: Locale): Fragments {
  const key = `${locale}:${s.funds.map((x) => x.code).join()}`;
  let f = cache.get(key);
  if (!f) {
    f = {
      fundName: s.funds.map((x) => esc(x.name)),
      date: new Map(),
      household: t(locale, 'villages.household', { no: '\u0000' }),
      reportPrefix: esc(localePath(locale, paths.report('disbursement:'))),
      reportText: esc(t(locale, 'report.link')),
    };
    cache.set(key, f);
  }
  return f;
}

/**
 * <tbody> groups for recipients [from, to), either the masked groups or the full-name ones
 * (the page puts them in two tables, so a full name is never listed beside the same
 * person's payments from masked funds): a header row per group (户号, name, masked ID),
 * then one row per payment; a fund's payments share one fund cell (rowspan), since monthly
 * and quarterly funds would otherwise repeat their name 4–12 times. Payment rows leave out
 * the end tags HTML makes optional (</td>, </th>, </tr>): a fifth of the bytes of the
 * largest pages, which the build writes and compresses 1.7 million times.
 */
export function villageRowsHtml(s: PaymentStore, locale: Locale, from: number, to: number, full: boolean): string {
  const fmt = formatter(locale);
  const f = fragments(s, locale);
  let html = '';
  for (let r = from; r < to; r++) {
    for (const g of groupsOf(s, r)) {
      if (g.full !== full) continue;
      const rec = g.recipient;
      html += `<tbody id="r${rec.id}${g.full ? 'f' : ''}"><tr><th scope="rowgroup" colspan="4">${esc(f.household.replace('\u0000', rec.householdNo))} · ${esc(g.name)} · <span class="id">${esc(rec.idMasked)}</span></th></tr>`;
      // Payments come by date; gather each fund's together, in order of first payment.
      const byFund = new Map<number, number[]>();
      for (const p of g.payments) {
        const k = s.fund[p] as number;
        const list = byFund.get(k);
        if (list) list.push(p);
        else byFund.set(k, [p]);
      }
      for (const [fund, list] of byFund) {
        html += list.length > 1 ? `<tr><th rowspan="${list.length}">${f.fundName[fund]}` : `<tr><th>${f.fundName[fund]}`;
        for (let i = 0; i < list.length; i++) {
          const p = list[i] as number;
          const fen = s.amountFen[p] as number;
          const day = s.paid[p] as number;
          const amount = fmt.yuan(fen);
          let date = f.date.get(day);
          if (date === undefined) f.date.set(day, (date = fmt.dateShort(isoDay(day))));
          html += `${i > 0 ? '<tr>' : ''}<td>${amount}<td>${date}<td><a href="${f.reportPrefix}${s.id[p]}">${f.reportText}</a>`;
        }
      }
      html += '</tbody>';
    }
  }
  return html;
}
