// Browser: check the records a page shows against the public ledger (LedgerCheck.astro).
// Opens the signed checkpoint once (WebCrypto Ed25519, else the lazy @noble fallback), then
// proves each record's entry from its bundle and a few tiles, checks the entry is that
// record, and writes the result in plain words. On village pages every payment row also
// gets a receipt button (a c2sp tlog-proof with the entry). UI strings come from the
// element's data-strings (the dictionaries); nothing here is hard-coded text.
import { formatTlogProof } from '../proof.ts';
import { parseVerifierKey } from '../note.ts';
import { decodeRecordEntry } from '../record.ts';
import { proveEntry, readCheckpoint, sharedHashReader, type ProvedEntry } from '../verify.ts';
import { editionOf, fetchLog, siteKeyText } from './fetch-log.ts';

type Strings = Record<string, string>;
const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));

interface Target {
  idx: number;
  /** the record id the entry must carry */
  id?: string;
  /** the row's "report" link, after which a receipt button goes */
  anchor?: Element;
}

/** Payment rows on the page, mapped to ledger indexes through the build's runs. */
function paymentTargets(runs: string): Target[] {
  const table = runs.split(';').filter(Boolean).map((r) => r.split(',').map(Number) as [number, number, number]);
  const out: Target[] = [];
  for (const a of document.querySelectorAll('a[href*="record=disbursement:"]')) {
    const id = Number(/record=disbursement:(\d+)/.exec(a.getAttribute('href') ?? '')?.[1]);
    const run = table.find(([first, , len]) => id >= first && id < first + len);
    if (run) out.push({ idx: run[1] + (id - run[0]), id: String(id), anchor: a });
  }
  return out;
}

function targetsOf(el: HTMLElement): Target[] {
  const d = el.dataset;
  if (d.runs) return paymentTargets(d.runs);
  if (d.indexes) return d.indexes.split(',').map((i) => ({ idx: Number(i) }));
  if (d.index) return [d.id === undefined ? { idx: Number(d.index) } : { idx: Number(d.index), id: d.id }];
  return [];
}

function download(name: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function check(el: HTMLElement): Promise<void> {
  const status = el.querySelector('[data-ledger-status]');
  if (!status) return;
  const s = JSON.parse(el.dataset.strings ?? '{}') as Strings;
  const say = (state: string, text: string): void => {
    el.dataset.state = state;
    status.textContent = text;
  };
  if (typeof BigInt !== 'function' || typeof fetch !== 'function') return say('unsupported', s.unsupported!);
  say('checking', s.checking!);
  const started = performance.now();
  const kind = el.dataset.kind!;
  try {
    const read = fetchLog(el.dataset.base ?? '/ledger/');
    const vkey = await siteKeyText(read);
    if (vkey === null) throw new Error('vkey is missing');
    const key = parseVerifierKey(vkey);
    const { cp, note } = await readCheckpoint(read, key);
    const targets = targetsOf(el);
    if (!targets.length) throw new Error(s.notInLedger);
    const proved: ProvedEntry[] = [];
    const reader = sharedHashReader(read, cp.size);
    for (const t of targets) {
      const p = await proveEntry(read, cp, t.idx, reader);
      const rec = decodeRecordEntry(p.entry);
      if (!rec || rec.kind !== kind || (t.id !== undefined && String(rec.id) !== t.id)) throw new Error(fill(s.wrongRecord!, { index: t.idx }));
      proved.push(p);
    }
    const edition = await editionOf(read, cp.size);
    // For measurements (bench notes in README.md): the whole check, fetches included.
    try {
      performance.measure('gongkai-ledger-check', { start: started });
    } catch {
      // older browsers: measure(name, markName) only
    }
    say('ok', targets.length === 1 && !el.dataset.runs ? fill(s.ok!, { edition, index: targets[0]!.idx, size: cp.size }) : fill(s.okMany!, { edition, count: targets.length, size: cp.size }));
    // A household's receipt for each payment checked (village pages).
    targets.forEach((t, i) => {
      if (!t.anchor) return;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ledger-receipt';
      b.textContent = s.receipt!;
      b.setAttribute('aria-label', fill(s.receiptLabel!, { id: t.id! }));
      b.addEventListener('click', () =>
        download(`gongkai-${kind}-${t.id}.tlog-proof`, formatTlogProof({ extra: proved[i]!.entry, index: t.idx, proof: proved[i]!.proof, checkpoint: note })),
      );
      t.anchor.after(b);
    });
  } catch (err) {
    say('bad', fill(s.failed!, { reason: (err as Error).message }));
  }
}

for (const el of document.querySelectorAll<HTMLElement>('[data-ledger-check]')) void check(el);
