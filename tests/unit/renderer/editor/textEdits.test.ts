import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../decks/common/model.ts';
import { cleanPaste, indentBullet, insertFigureRef, joinWithPrevious, snapOffset, splitBullet } from '../../../../renderer/src/editor/textEdits.ts';

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
});
