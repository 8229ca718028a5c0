import { describe, expect, it } from 'vitest';
import { emptyUndoStack, endsWord, recordEdit, redo, sealLast, undo } from '../../../../renderer/src/editor/undoStack.ts';

type S = { text: string };
const s = (text: string): S => ({ text });

describe('undo stack', () => {
  it('undoes and redoes steps in order, and a new edit clears redo', () => {
    let st = emptyUndoStack<S>();
    st = recordEdit(st, { before: s(''), after: s('a'), label: 'move', at: 0 });
    st = recordEdit(st, { before: s('a'), after: s('b'), label: 'move', at: 10 });
    const u1 = undo(st)!;
    expect(u1.state).toEqual(s('a'));
    const u2 = undo(u1.stack)!;
    expect(u2.state).toEqual(s(''));
    expect(undo(u2.stack)).toBeNull();
    const r1 = redo(u2.stack)!;
    expect(r1.state).toEqual(s('a'));
    const edited = recordEdit(r1.stack, { before: s('a'), after: s('c'), label: 'x', at: 20 });
    expect(edited.future).toHaveLength(0);
    expect(redo(edited)).toBeNull();
  });

  it('merges typing in one field into one step until a word ends', () => {
    let st = emptyUndoStack<S>();
    let prev = '';
    for (const [i, ch] of [...'hello world'].entries()) {
      const next = prev + ch;
      st = recordEdit(st, { before: s(prev), after: s(next), label: 'type', group: 'title', at: i * 100, boundary: endsWord(prev, next) });
      prev = next;
    }
    expect(st.past).toHaveLength(2);
    expect(st.past[0]).toMatchObject({ before: s(''), after: s('hello ') });
    expect(st.past[1]).toMatchObject({ before: s('hello '), after: s('hello world') });
    expect(undo(st)!.state).toEqual(s('hello '));
  });

  it('does not merge across fields, after a pause, or after a seal', () => {
    let st = emptyUndoStack<S>();
    st = recordEdit(st, { before: s(''), after: s('a'), label: 't', group: 'f1', at: 0 });
    st = recordEdit(st, { before: s('a'), after: s('ab'), label: 't', group: 'f2', at: 100 });
    expect(st.past).toHaveLength(2);
    st = recordEdit(st, { before: s('ab'), after: s('abc'), label: 't', group: 'f2', at: 5000 });
    expect(st.past).toHaveLength(3);
    st = sealLast(st);
    st = recordEdit(st, { before: s('abc'), after: s('abcd'), label: 't', group: 'f2', at: 5100 });
    expect(st.past).toHaveLength(4);
    // Ungrouped edits never merge.
    st = recordEdit(st, { before: s('abcd'), after: s('x'), label: 'm', at: 5150 });
    st = recordEdit(st, { before: s('x'), after: s('y'), label: 'm', at: 5160 });
    expect(st.past).toHaveLength(6);
  });

  it('keeps at most `limit` steps', () => {
    let st = emptyUndoStack<S>(3);
    for (let i = 0; i < 5; i++) st = recordEdit(st, { before: s(String(i)), after: s(String(i + 1)), label: 'm', at: i });
    expect(st.past.map((e) => e.before.text)).toEqual(['2', '3', '4']);
  });

  it('knows where a word ends, in English and Chinese', () => {
    expect(endsWord('hello', 'hello ')).toBe(true);
    expect(endsWord('增长', '增长，')).toBe(true);
    expect(endsWord('增', '增长')).toBe(false);
    expect(endsWord('ab', 'a')).toBe(false);
  });
});
