import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../../decks/common/model.ts';
import { fieldKey, fieldText, parseFieldKey, setFieldText } from '../../../../renderer/src/editor/fields.ts';

const slides: Slide[] = [
  { id: 'a:1', layout: 'points', title: '标题', blocks: [{ kind: 'bullet', text: '要点', level: 0 }, { kind: 'figure', key: 'gdp' }], notes: '备注', hidden: false, section: null },
];

describe('slide fields', () => {
  it('names fields by key and reads them back, ids with colons included', () => {
    for (const ref of [{ slideId: 'a:1', part: 'title' }, { slideId: 'a:1', part: 'notes' }, { slideId: 'a:1', part: 'block', index: 0 }] as const) {
      expect(parseFieldKey(fieldKey(ref))).toEqual(ref);
    }
    expect(parseFieldKey('nonsense')).toBeNull();
    expect(fieldText(slides, { slideId: 'a:1', part: 'block', index: 0 })).toBe('要点');
    expect(fieldText(slides, { slideId: 'a:1', part: 'block', index: 1 })).toBeNull();
  });
  it('writes one text and leaves the rest (and unchanged text keeps the same slides)', () => {
    const next = setFieldText(slides, { slideId: 'a:1', part: 'block', index: 0 }, '新要点');
    expect(next[0]!.blocks[0]).toEqual({ kind: 'bullet', text: '新要点', level: 0 });
    expect(next[0]!.blocks[1]).toBe(slides[0]!.blocks[1]);
    expect(setFieldText(slides, { slideId: 'a:1', part: 'title' }, '标题')).toBe(slides);
    expect(setFieldText(slides, { slideId: 'zz', part: 'title' }, 'x')).toBe(slides);
    expect(setFieldText(slides, { slideId: 'a:1', part: 'notes' }, 'n')[0]!.notes).toBe('n');
  });
  it('names a picture’s caption and credit, and writes them without touching the picture', () => {
    const A = 'a'.repeat(64);
    const withPicture: Slide[] = [{ ...slides[0]!, blocks: [{ kind: 'image', assetId: A, caption: '新城', credit: '摄影：王某', fit: 'fill' }] }];
    for (const part of ['caption', 'credit'] as const) {
      const ref = { slideId: 'a:1', part, index: 0 } as const;
      expect(parseFieldKey(fieldKey(ref))).toEqual(ref);
    }
    expect(fieldKey({ slideId: 'a:1', part: 'caption', index: 0 })).toBe('a:1:b0:caption');
    expect(fieldText(withPicture, { slideId: 'a:1', part: 'credit', index: 0 })).toBe('摄影：王某');
    expect(fieldText(slides, { slideId: 'a:1', part: 'caption', index: 0 })).toBeNull();
    const next = setFieldText(withPicture, { slideId: 'a:1', part: 'caption', index: 0 }, '新城全景');
    expect(next[0]!.blocks[0]).toEqual({ kind: 'image', assetId: A, caption: '新城全景', credit: '摄影：王某', fit: 'fill' });
    // Not a picture: nothing changes.
    expect(setFieldText(slides, { slideId: 'a:1', part: 'caption', index: 0 }, 'x')).toBe(slides);
  });
});
