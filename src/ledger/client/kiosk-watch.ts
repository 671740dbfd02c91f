// Browser: the kiosk's ledger watch. At start the kiosk fetches the signed checkpoint, checks
// it against the last one this machine remembered (watchCheckpoint, localStorage) and says
// so in one line. Loaded with a dynamic import so the kiosk's first paint does not wait on it;
// offline or without a ledger it stays silent (the lookup matters more than the line).
import { parseVerifierKey } from '../note.ts';
import { watchCheckpoint } from '../watch.ts';
import { fetchLog, siteKeyText } from './fetch-log.ts';

type Say = (key: string, params?: Record<string, string | number>) => string;

export async function showLedgerWatch(el: HTMLElement, t: Say, base = '/ledger/'): Promise<void> {
  const read = fetchLog(base);
  let w;
  try {
    const vkey = await siteKeyText(read);
    if (!vkey) return;
    w = await watchCheckpoint({ read, key: parseVerifierKey(vkey) });
  } catch (err) {
    if (!navigator.onLine) return;
    el.dataset.state = 'bad';
    el.textContent = t('kiosk.ledgerBad', { reason: (err as Error).message });
    return;
  }
  el.dataset.state = w.status === 'inconsistent' ? 'bad' : 'ok';
  el.textContent =
    w.status === 'first' ? t('kiosk.ledgerFirst', { size: w.checkpoint.size })
    : w.status === 'same' ? t('kiosk.ledgerSame')
    : w.status === 'grown' ? t('kiosk.ledgerGrown', { old: w.previous.size })
    : t('kiosk.ledgerBad', { reason: w.reason });
}
