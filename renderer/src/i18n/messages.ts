// Looking up and filling in UI strings; pure (no React, no DOM) so it can be tested in Node.
import { en } from './en.ts';
import { zh, type MessageKey, type Messages } from './zh.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const dictionaries: Readonly<Record<Lang, Messages>> = { zh, en };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** `{name}` placeholders are filled with plain text (the result is rendered by React as text, never as markup). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** BCP 47 tag of a UI language, for `<html lang>` and Intl. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
