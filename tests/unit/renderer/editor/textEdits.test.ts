import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../decks/common/model.ts';
import { cleanPaste, indentBullet, insertFigureRef, joinWithPrevious, snapOffset, splitBullet, splitInline, toggleEmphasis } from '../../../../renderer/src/editor/textEdits.ts';

const blocks: Block[] = [
  { kind: 'bullet', text: '地区生产总值增长{fig:gdp}，好', level: 0 },
  { kind: 'bullet', text: '第二条', level: 1 },
];

describe('text edits', () => {
  it('never puts an offset inside a figure reference', () => {
    const t = blocks[0]!.kind === 'bullet' ? blocks[0]!.text : '';
    expect(snapOffset(t, 10)).toBe(8 + '{fig:gdp}'.length);
    expect(snapOffset(t, 8)).toBe(8);
    expect(snapOffset(t, 999)).toBe(t.length);
  });
  it('splits a bullet at the caret (Enter), keeping its level', () => {
    const out = splitBullet(blocks, 1, 2);
    expect(out.slice(1)).toEqual([
      { kind: 'bullet', text: '第二', level: 1 },
      { kind: 'bullet', text: '条', level: 1 },
    ]);
    expect(splitBullet(blocks, 0, 0)[0]).toEqual({ kind: 'bullet', text: '', level: 0 });
  });
  it('joins a bullet to the one before (Backspace at its start)', () => {
    const r = joinWithPrevious(blocks, 1)!;
    expect(r.blocks).toEqual([{ kind: 'bullet', text: '地区生产总值增长{fig:gdp}，好第二条', level: 0 }]);
    expect(r.caret).toBe('地区生产总值增长{fig:gdp}，好'.length);
    expect(joinWithPrevious(blocks, 0)).toBeNull();
  });
  it('indents within 0..3', () => {
    expect(indentBullet(blocks, 0, 1)[0]).toMatchObject({ level: 1 });
    expect(indentBullet(blocks, 0, -1)[0]).toBe(blocks[0]);
  });
  it('inserts a figure reference as one piece', () => {
    expect(insertFigureRef('增长', 2, 'gdp')).toEqual({ text: '增长{fig:gdp}', caret: 11 });
    expect(insertFigureRef('{fig:a}', 3, 'b').text).toBe('{fig:a}{fig:b}');
  });
  it('pastes plain text only, one line where one line is allowed', () => {
    expect(cleanPaste('a\r\nb\u0007', false)).toBe('a b');
    expect(cleanPaste('a\r\nb', true)).toBe('a\nb');
  });
  it('emphasises a selection (Ctrl+B) as markers, and takes it off when all of it was emphasised', () => {
    const on = toggleEmphasis('全年增长5%', 2, 4);
    expect(on).toEqual({ text: '全年{em}增长{/em}5%', start: 6, end: 8 });
    expect(on.text.slice(on.start, on.end)).toBe('增长');
    const off = toggleEmphasis(on.text, on.start, on.end);
    expect(off).toEqual({ text: '全年增长5%', start: 2, end: 4 });
    // Partly emphasised: all of it becomes emphasised, in one run.
    expect(toggleEmphasis('全年{em}增长{/em}5%', 0, 7).text).toBe('{em}全年增长{/em}5%');
    // A figure reference is one piece; the selection may run either way; a caret changes nothing.
    expect(toggleEmphasis('增长{fig:gdp}。', 2, 11).text).toBe('增长{em}{fig:gdp}{/em}。');
    expect(toggleEmphasis('abc', 3, 1).text).toBe('a{em}bc{/em}');
    expect(toggleEmphasis('abc', 1, 1)).toEqual({ text: 'abc', start: 1, end: 1 });
  });

  it('keeps emphasis whole across Enter and Backspace', () => {
    expect(splitInline('{em}增长很快{/em}', 6)).toEqual(['{em}增长{/em}', '{em}很快{/em}']);
    const split = splitBullet([{ kind: 'bullet', text: '一{em}二三{/em}四', level: 0 }], 0, 6);
    expect(split.map((b) => (b.kind === 'bullet' ? b.text : ''))).toEqual(['一{em}二{/em}', '{em}三{/em}四']);
    const joined = joinWithPrevious(split, 1)!;
    expect(joined.blocks).toEqual([{ kind: 'bullet', text: '一{em}二三{/em}四', level: 0 }]);
    expect(joined.caret).toBe('一{em}二'.length);
    expect(snapOffset('a{em}b', 3)).toBe(5);
  });
});
