// Translations: one dictionary per locale and area, merged here. zh-CN is the reference;
// other areas (kiosk, search, inquiries, back office) add their own files beside their code
// and register them below with one import and one spread per locale.
import { en as siteEn } from './en.ts';
import { zhCn as siteZh } from './zh-cn.ts';
import { backofficeEn } from '../../backoffice/i18n/en.ts';
import { backofficeZh } from '../../backoffice/i18n/zh-cn.ts';
import { inquiriesEn } from '../../inquiries/i18n/en.ts';
import { inquiriesZh } from '../../inquiries/i18n/zh-cn.ts';
import { searchEn } from '../../search/i18n/en.ts';
import { searchZhCn } from '../../search/i18n/zh-cn.ts';
import { ledgerEn } from '../../ledger/i18n/en.ts';
import { ledgerZhCn } from '../../ledger/i18n/zh-cn.ts';

export const LOCALES = ['zh-cn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-cn';

const dictionaries = {
  'zh-cn': { ...siteZh, ...backofficeZh, ...inquiriesZh, ...searchZhCn, ...ledgerZhCn },
  en: { ...siteEn, ...backofficeEn, ...inquiriesEn, ...searchEn, ...ledgerEn },
} satisfies Record<Locale, Record<string, string>>;

export type UiKey = keyof (typeof dictionaries)['zh-cn'];
export type Params = Record<string, string | number>;

/** BCP 47 tag for `lang` attributes and Intl (Astro's locale codes are lower case). */
export function langTag(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}

/** Narrow Astro.currentLocale (string | undefined) to one of ours. */
export function asLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The string for `key` in `locale`, with {placeholders} filled in. */
export function t(locale: Locale, key: UiKey, params?: Params): string {
  const dict: Record<string, string> = dictionaries[locale];
  return interpolate(dict[key] ?? dictionaries['zh-cn'][key], params);
}

/** A `t` bound to one locale: what components call. */
export function translator(locale: Locale): (key: UiKey, params?: Params) => string {
  return (key, params) => t(locale, key, params);
}

/** Every key of every locale, for the dictionary tests. */
export function dictionaryOf(locale: Locale): Readonly<Record<string, string>> {
  return dictionaries[locale];
}
