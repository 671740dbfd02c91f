// Browser: the /verify page. Shows the signed checkpoint and key, remembers the checkpoint
// (watchCheckpoint) and says whether the log extends the one seen last time, and checks one
// entry or the whole log on request. Strings come from data-strings (the dictionaries).
import { toBase64 } from '../bytes.ts';
import { parseVerifierKey } from '../note.ts';
import { proveEntry, readCheckpoint, verifyLog } from '../verify.ts';
import { watchCheckpoint } from '../watch.ts';
import { editionOf, fetchLog, siteKeyText } from './fetch-log.ts';

const root = document.querySelector<HTMLElement>('[data-ledger-verify]');
const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));

async function main(el: HTMLElement): Promise<void> {
  const s = JSON.parse(el.dataset.strings ?? '{}') as Record<string, string>;
  const f = <T extends HTMLElement = HTMLElement>(name: string): T => el.querySelector<T>(`[data-f="${name}"]`)!;
  const say = (name: string, state: string, text: string): void => {
    const node = f(name);
    node.dataset.state = state;
    node.textContent = text;
  };
  const base = el.dataset.base ?? '/ledger/';
  const read = fetchLog(base);
  let opened;
  try {
    const vkey = (await siteKeyText(read)) ?? '';
    const key = parseVerifierKey(vkey);
    f('vkey').textContent = vkey;
    opened = { key, cp: (await readCheckpoint(read, key)).cp };
  } catch (err) {
    return say('watch', 'bad', fill(s.failed!, { reason: (err as Error).message }));
  }
  const { key, cp } = opened;
  const edition = await editionOf(read, cp.size);
  f('origin').textContent = cp.origin;
  f('size').textContent = String(cp.size);
  f('edition').textContent = String(edition);
  f('root').textContent = toBase64(cp.root);
  try {
    const w = await watchCheckpoint({ read, key });
    if (w.status === 'first') say('watch', 'ok', fill(s.watchFirst!, { size: cp.size }));
    else if (w.status === 'same') say('watch', 'ok', s.watchSame!);
    else if (w.status === 'grown') say('watch', 'ok', fill(s.watchGrown!, { old: w.previous.size }));
    else say('watch', 'bad', fill(s.watchBad!, { old: w.previous.size, reason: w.reason }));
  } catch (err) {
    say('watch', 'bad', fill(s.failed!, { reason: (err as Error).message }));
  }

  f<HTMLFormElement>('one').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const index = Number(new FormData(ev.target as HTMLFormElement).get('index'));
    const entry = f('entry');
    entry.hidden = true;
    if (!Number.isSafeInteger(index) || index < 0 || index >= cp.size) return say('oneStatus', 'bad', fill(s.badIndex!, { max: cp.size - 1 }));
    say('oneStatus', 'checking', s.checking!);
    proveEntry(read, cp, index).then(
      (p) => {
        say('oneStatus', 'ok', fill(s.oneOk!, { index, edition }));
        entry.textContent = new TextDecoder().decode(p.entry);
        entry.hidden = false;
      },
      (err: Error) => say('oneStatus', 'bad', fill(s.failed!, { reason: err.message })),
    );
  });

  const all = f<HTMLButtonElement>('all');
  all.addEventListener('click', () => {
    all.disabled = true;
    say('allStatus', 'checking', s.checking!);
    // A fresh reader: the whole log is streamed once, not cached.
    const stream = fetchLog(base, false);
    let done = 0;
    verifyLog((p) => stream(p), {
      key,
      progress: (line) => {
        const m = /^checked (\d+)/.exec(line);
        if (m) done = Number(m[1]);
        if (m) say('allStatus', 'checking', fill(s.progress!, { done, size: cp.size }));
      },
    }).then(
      (r) => say('allStatus', 'ok', fill(s.allOk!, { size: r.checkpoint.size, tiles: r.tiles, history: r.consistentWith.length })),
      (err: Error) => say('allStatus', 'bad', fill(s.failed!, { reason: err.message })),
    ).finally(() => (all.disabled = false));
  });
}

if (root) void main(root);
