// Small pieces shared by the search page and the kiosk scripts (browser), and the helper
// pages use to hand their strings to those scripts. Kept free of the site's dictionaries
// and format.ts, which would pull every page's strings into a 30 KB page budget.

/** The strings a script needs, by dictionary key: pages embed them as JSON (uiStrings). */
export type UiStrings = Record<string, string>;

/** `{n}`-style placeholders, as the site's t() fills them. */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A t() over the strings a page handed to its script. */
export function translatorOf(strings: UiStrings): (key: string, params?: Record<string, string | number>) => string {
  return (key, params) => fill(strings[key] ?? key, params);
}

/** JSON for a `<script type="application/json">`: `<` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Reads the JSON a page put in `<script type="application/json" id=…>`. */
export function readPageJson<T>(id: string): T {
  return JSON.parse(document.getElementById(id)?.textContent ?? '{}') as T;
}

/** 分 → "1,234.56" (exact: the decimal string is built before Intl sees it). */
export function yuan(fen: number, lang = 'zh-CN'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const int = new Intl.NumberFormat(lang).format(Math.trunc(abs / 100));
  return `${sign}${int}.${String(abs % 100).padStart(2, '0')}`;
}

type Child = Node | string | null | undefined | false;

/** Creates an element; text goes in as text nodes (never as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
