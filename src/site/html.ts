// Escaping for the few places that build HTML as strings (big generated tables), where
// Astro's per-element rendering would cost more than the page itself.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and double-quoted attribute values. */
export function esc(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c] as string) : s;
}
