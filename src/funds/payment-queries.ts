// Household payments for the village pages and the per-village downloads. At seed scale
// that is 882,804 payments, so they are read ONCE per build, in display order, into a
// compact column store (typed arrays, interned dates, funds and channels) that every
// village page and data file then slices. A village's households are cut into pages of
// about PAGE_PAYMENTS payments (never splitting a household): a few thousand light pages,
// not one page per payment nor one huge page per village.
// Privacy (design.md): a recipient appears by masked name and masked ID. Full names are
// read only for recipients paid by a fund that publishes full names, and are shown only
// beside that fund's payments (groupsOf keeps the two apart).
import type { Db } from '../db/client.ts';
import { PUBLISHED, perDb } from '../db/read.ts';

/** Payments per village page: ~50 households, ~8 KB compressed on a cheap phone.
 *  GONGKAI_PAGE_PAYMENTS lowers it for the browser tests, whose sample villages are short. */
export const PAGE_PAYMENTS = Number(process.env.GONGKAI_PAGE_PAYMENTS ?? 300);

export interface RecipientEntry {
  id: number;
  villageId: number;
  householdNo: string;
  nameMasked: string;
  idMasked: string;
  /** only for recipients paid by a full-name fund; null otherwise */
  fullName: string | null;
}

export interface StoreFund {
  /** funds.id */
  id: number;
  code: string;
  name: string;
  /** name_display = 'full' */
  full: boolean;
}

/** Every published household payment, by village, 户号, recipient, date, fund code. */
export interface PaymentStore {
  /** by fund code, so comparing indices compares codes */
  funds: StoreFund[];
  channels: string[];
  /** recipients with at least one published payment, in display order */
  recipients: RecipientEntry[];
  /** payments of recipient i are the indices start[i] … start[i+1]-1 */
  start: Int32Array;
  id: Int32Array;
  fund: Uint16Array;
  amountFen: Float64Array;
  /** days since 1970-01-01 (isoDay() turns them back into dates) */
  approved: Uint16Array;
  paid: Uint16Array;
  channel: Uint16Array;
  /** village id → [first recipient index, end recipient index) */
  villages: Map<number, [number, number]>;
}

const isoDays = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number. */
export function isoDay(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) isoDays.set(day, (s = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  return s;
}

/**
 * Read every published payment once into the column store: recipients in display order
 * (one small query), payments in one plain scan placed by a counting sort — cheaper than
 * letting SQLite join and sort 882,804 rows and handing back a string per cell.
 */
export const paymentStore = perDb((db: Db): PaymentStore => {
  const q = db.$client;
  const fundRows = q.prepare(`SELECT id, code, name, name_display FROM funds ORDER BY code`).raw().all() as [number, string, string, string][];
  const funds: StoreFund[] = fundRows.map(([id, code, name, display]) => ({ id, code, name, full: display === 'full' }));
  const fundIndex = new Map(fundRows.map(([id], i) => [id, i]));
  const recRows = q
    .prepare(`SELECT id, village_id, household_no, name_masked, id_masked FROM recipients ORDER BY village_id, household_no, id`)
    .raw()
    .all() as [number, number, string, string, string][];
  const maxRec = recRows.reduce((m, r) => Math.max(m, r[0]), 0);
  const order = new Int32Array(maxRec + 1).fill(-1);
  recRows.forEach((r, i) => (order[r[0]] = i));

  // Pass 1: the payments, in table order, into scratch columns.
  const n = q.prepare(`SELECT count(*) FROM disbursements d WHERE ${PUBLISHED('d')}`).pluck().get() as number;
  const tRec = new Int32Array(n);
  const tId = new Int32Array(n);
  const tFund = new Uint16Array(n);
  const tAmount = new Float64Array(n);
  const tAppr = new Uint16Array(n);
  const tPaid = new Uint16Array(n);
  const tChan = new Uint16Array(n);
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  const counts = new Int32Array(recRows.length);
  let i = 0;
  const scan = q
    .prepare(
      `SELECT recipient_id, id, fund_id, amount_fen, unixepoch(approved_on) / 86400, unixepoch(paid_on) / 86400, channel
         FROM disbursements d WHERE ${PUBLISHED('d')}`,
    )
    .raw()
    .iterate() as IterableIterator<[number, number, number, number, number, number, string]>;
  for (const [rid, id, fid, amount, appr, paid, chan] of scan) {
    const r = order[rid] as number;
    let c = channelIndex.get(chan);
    if (c === undefined) {
      c = channels.length;
      channels.push(chan);
      channelIndex.set(chan, c);
    }
    tRec[i] = r;
    tId[i] = id;
    tFund[i] = fundIndex.get(fid) ?? 0;
    tAmount[i] = amount;
    tAppr[i] = appr;
    tPaid[i] = paid;
    tChan[i] = c;
    counts[r] = (counts[r] as number) + 1;
    i++;
  }

  // Recipients with payments, their offsets, and the villages' recipient ranges.
  const fullNames = new Map(
    q
      .prepare(
        `SELECT rn.recipient_id, rn.full_name FROM recipient_names rn
          WHERE rn.recipient_id IN (SELECT d.recipient_id FROM disbursements d JOIN funds f ON f.id = d.fund_id
                                     WHERE f.name_display = 'full' AND ${PUBLISHED('d')})`,
      )
      .raw()
      .all() as [number, string][],
  );
  const recipients: RecipientEntry[] = [];
  const compact = new Int32Array(recRows.length).fill(-1);
  const starts: number[] = [];
  const villages = new Map<number, [number, number]>();
  let offset = 0;
  recRows.forEach(([id, villageId, householdNo, nameMasked, idMasked], r) => {
    const count = counts[r] as number;
    if (count === 0) return;
    compact[r] = recipients.length;
    const range = villages.get(villageId);
    if (range) range[1] = recipients.length + 1;
    else villages.set(villageId, [recipients.length, recipients.length + 1]);
    recipients.push({ id, villageId, householdNo, nameMasked, idMasked, fullName: fullNames.get(id) ?? null });
    starts.push(offset);
    offset += count;
  });
  starts.push(offset);
  const start = Int32Array.from(starts);

  // Pass 2: a counting sort by recipient, then each recipient's few payments by date, fund, id.
  const s: PaymentStore = {
    funds,
    channels,
    recipients,
    start,
    id: new Int32Array(n),
    fund: new Uint16Array(n),
    amountFen: new Float64Array(n),
    approved: new Uint16Array(n),
    paid: new Uint16Array(n),
    channel: new Uint16Array(n),
    villages,
  };
  const next = start.slice(0, -1);
  const perm = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const r = compact[tRec[k] as number] as number;
    perm[next[r] as number] = k;
    next[r] = (next[r] as number) + 1;
  }
  const byDate = (a: number, b: number) =>
    (tPaid[a] as number) - (tPaid[b] as number) || (tFund[a] as number) - (tFund[b] as number) || (tId[a] as number) - (tId[b] as number);
  for (let r = 0; r < recipients.length; r++) {
    const from = start[r] as number;
    const to = start[r + 1] as number;
    if (to - from > 1) perm.subarray(from, to).sort(byDate);
  }
  for (let k = 0; k < n; k++) {
    const src = perm[k] as number;
    s.id[k] = tId[src] as number;
    s.fund[k] = tFund[src] as number;
    s.amountFen[k] = tAmount[src] as number;
    s.approved[k] = tAppr[src] as number;
    s.paid[k] = tPaid[src] as number;
    s.channel[k] = tChan[src] as number;
  }
  return s;
});

export interface VillagePage {
  villageId: number;
  /** 1-based */
  page: number;
  /** recipient index range [from, to) in the store */
  from: number;
  to: number;
  firstHousehold: string;
  lastHousehold: string;
  payments: number;
}

/** The pages of every village: households in order, cut after ~PAGE_PAYMENTS payments. */
export const villagePages = perDb((db: Db): Map<number, VillagePage[]> => {
  const s = paymentStore(db);
  const out = new Map<number, VillagePage[]>();
  for (const [villageId, [from, to]] of s.villages) {
    const pages: VillagePage[] = [];
    let cur: VillagePage | null = null;
    for (let r = from; r < to; r++) {
      const rec = s.recipients[r] as RecipientEntry;
      const n = (s.start[r + 1] as number) - (s.start[r] as number);
      if (!cur || (cur.payments >= PAGE_PAYMENTS && rec.householdNo !== cur.lastHousehold)) {
        cur = { villageId, page: pages.length + 1, from: r, to: r, firstHousehold: rec.householdNo, lastHousehold: rec.householdNo, payments: 0 };
        pages.push(cur);
      }
      cur.to = r + 1;
      cur.lastHousehold = rec.householdNo;
      cur.payments += n;
    }
    out.set(villageId, pages);
  }
  return out;
});

/** One recipient's payments as they may be shown together: masked-fund ones, or one full-name fund group. */
export interface PaymentGroup {
  recipient: RecipientEntry;
  /** the name shown above this group */
  name: string;
  full: boolean;
  /** payment indices into the store */
  payments: number[];
}

/** Recipient r's payments split so a full name never sits beside a masked fund's payment. */
export function groupsOf(s: PaymentStore, r: number): PaymentGroup[] {
  const rec = s.recipients[r] as RecipientEntry;
  const masked: number[] = [];
  const full: number[] = [];
  for (let p = s.start[r] as number; p < (s.start[r + 1] as number); p++) ((s.funds[s.fund[p] as number] as StoreFund).full ? full : masked).push(p);
  const out: PaymentGroup[] = [];
  if (masked.length) out.push({ recipient: rec, name: rec.nameMasked, full: false, payments: masked });
  // A recipient of a full-name fund without a full name on file stays masked there too.
  if (full.length) out.push({ recipient: rec, name: rec.fullName ?? rec.nameMasked, full: rec.fullName !== null, payments: full });
  return out;
}
