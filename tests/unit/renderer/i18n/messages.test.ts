import { describe, expect, it } from 'vitest';
import { WarningKind } from '../../../../decks/common/model.ts';
import { dictionaries, translate } from '../../../../renderer/src/i18n/messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.zh).sort());
    for (const dict of Object.values(dictionaries)) for (const [k, v] of Object.entries(dict)) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages ({cn} is {n} written as a Chinese numeral)', () => {
    const norm = (s: string) => placeholders(s).map((p) => (p === 'cn' ? 'n' : p));
    for (const key of Object.keys(dictionaries.zh) as (keyof typeof dictionaries.zh)[]) {
      expect(norm(dictionaries.en[key]), key).toEqual(norm(dictionaries.zh[key]));
    }
  });

  it('name every kind of import warning', () => {
    for (const kind of WarningKind.options) {
      expect(Object.keys(dictionaries.zh)).toContain(`warning.${kind}`);
    }
  });

  it('fill placeholders with plain text and leave unknown ones alone', () => {
    expect(translate('zh', 'editor.slideName', { n: 3, title: '兴产业强平台' })).toBe('第3张：兴产业强平台');
    expect(translate('en', 'editor.slideName', { n: 3, title: '<b>x</b>' })).toBe('Slide 3: <b>x</b>');
    expect(translate('zh', 'library.slides')).toBe('{n} 张幻灯片');
    expect(translate('en', 'library.open', { title: '$& {n}' })).toBe('Open “$& {n}”');
  });
});
