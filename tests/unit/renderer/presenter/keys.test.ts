import { describe, expect, it } from 'vitest';
import { MAX_DIGITS, PRESENT_KEY_HELP, readPresentKey, targetPosition, toggleBlank, type PresentAction } from '../../../../renderer/src/presenter/keys.ts';

/** Presses keys in turn from no typed digits; returns every action and the digits left. */
function press(keys: string[], count = 25): { actions: (PresentAction | null)[]; digits: string } {
  let digits = '';
  const actions: (PresentAction | null)[] = [];
  for (const key of keys) {
    const r = readPresentKey({ key }, digits, count);
    digits = r.digits;
    actions.push(r.action);
  }
  return { actions, digits };
}

describe('readPresentKey', () => {
  it('maps clicker and keyboard keys to moves', () => {
    const { actions } = press(['ArrowRight', ' ', 'PageDown', 'ArrowDown', 'ArrowLeft', 'PageUp', 'ArrowUp', 'Home', 'End']);
    expect(actions.map((a) => a?.type)).toEqual(['next', 'next', 'next', 'next', 'prev', 'prev', 'prev', 'first', 'last']);
  });

  it('blacks out with B or . and whites out with W or ,', () => {
    const { actions } = press(['b', 'B', '.', 'w', 'W', ',']);
    expect(actions).toEqual([
      { type: 'blank', mode: 'black' },
      { type: 'blank', mode: 'black' },
      { type: 'blank', mode: 'black' },
      { type: 'blank', mode: 'white' },
      { type: 'blank', mode: 'white' },
      { type: 'blank', mode: 'white' },
    ]);
  });

  it('jumps to a typed slide number on Enter, counting from 1', () => {
    const { actions, digits } = press(['1', '2', 'Enter']);
    expect(actions).toEqual([null, null, { type: 'goto', position: 11 }]);
    expect(digits).toBe('');
  });

  it('keeps a typed number within the deck', () => {
    expect(press(['9', '9', 'Enter'], 25).actions[2]).toEqual({ type: 'goto', position: 24 });
    expect(press(['0', 'Enter'], 25).actions[1]).toEqual({ type: 'next' }); // a lone 0 is no number: Enter moves on
    expect(press(['0', '3', 'Enter'], 25).actions[2]).toEqual({ type: 'goto', position: 2 });
  });

  it('takes back a digit with Backspace and forgets the number with Escape', () => {
    expect(press(['1', '5', 'Backspace', 'Enter']).actions[3]).toEqual({ type: 'goto', position: 0 });
    const escaped = press(['7', 'Escape', 'Enter']);
    expect(escaped.actions).toEqual([null, null, { type: 'next' }]);
  });

  it('forgets the number when another key does its own job', () => {
    const r = press(['4', 'ArrowRight']);
    expect(r.actions[1]).toEqual({ type: 'next' });
    expect(r.digits).toBe('');
  });

  it(`keeps at most ${MAX_DIGITS} digits`, () => {
    expect(press(['1', '2', '3', '4', '5', '6']).digits).toBe('1234');
  });

  it('leaves shortcuts with Ctrl, Alt or Meta and unknown keys to the browser', () => {
    expect(readPresentKey({ key: 'r', ctrlKey: true }, '', 10)).toEqual({ action: null, digits: '', handled: false });
    expect(readPresentKey({ key: 'ArrowRight', altKey: true }, '', 10).handled).toBe(false);
    expect(readPresentKey({ key: 'q' }, '', 10)).toEqual({ action: null, digits: '', handled: false });
    expect(readPresentKey({ key: 'Escape' }, '', 10)).toEqual({ action: { type: 'escape' }, digits: '', handled: true });
    expect(readPresentKey({ key: 'f' }, '', 10).action).toEqual({ type: 'fullscreen' });
  });

  it('answers PowerPoint’s show keys: Backspace goes back, G or O the grid of slides, ? the keys', () => {
    expect(press(['Backspace', 'g', 'G', 'o', 'O', '?']).actions).toEqual([
      { type: 'prev' },
      { type: 'overview' },
      { type: 'overview' },
      { type: 'overview' },
      { type: 'overview' },
      { type: 'help' },
    ]);
    // While a number is typed, Backspace takes back a digit instead.
    expect(press(['3', 'Backspace']).actions).toEqual([null, null]);
  });

  it('lists on the help overlay exactly what it answers', () => {
    const named: Record<string, string> = { '→': 'ArrowRight', '↓': 'ArrowDown', '←': 'ArrowLeft', '↑': 'ArrowUp', Space: ' ', PgDn: 'PageDown', PgUp: 'PageUp', Esc: 'Escape' };
    const expected: Record<string, string> = {
      'present.help.next': 'next',
      'present.help.prev': 'prev',
      'present.help.black': 'blank',
      'present.help.white': 'blank',
      'present.help.overview': 'overview',
      'present.help.fullscreen': 'fullscreen',
      'present.help.help': 'help',
      'present.help.end': 'escape',
    };
    for (const row of PRESENT_KEY_HELP) {
      const type = expected[row.does];
      if (!type) continue;
      for (const k of row.keys) expect(readPresentKey({ key: named[k] ?? k }, '', 10).action?.type, `${k} (${row.does})`).toBe(type);
    }
    expect(readPresentKey({ key: 'Home' }, '', 10).action?.type).toBe('first');
  });
});

describe('targetPosition', () => {
  it('moves within the deck and stops at both ends', () => {
    expect(targetPosition({ type: 'next' }, 3, 10)).toBe(4);
    expect(targetPosition({ type: 'next' }, 9, 10)).toBe(9);
    expect(targetPosition({ type: 'prev' }, 0, 10)).toBe(0);
    expect(targetPosition({ type: 'last' }, 2, 10)).toBe(9);
    expect(targetPosition({ type: 'first' }, 7, 10)).toBe(0);
    expect(targetPosition({ type: 'goto', position: 42 }, 0, 10)).toBe(9);
    expect(targetPosition({ type: 'blank', mode: 'black' }, 3, 10)).toBeNull();
    expect(targetPosition({ type: 'next' }, 0, 0)).toBeNull();
  });
});

describe('toggleBlank', () => {
  it('toggles the same colour off and switches between colours', () => {
    expect(toggleBlank('none', 'black')).toBe('black');
    expect(toggleBlank('black', 'black')).toBe('none');
    expect(toggleBlank('black', 'white')).toBe('white');
    expect(toggleBlank('white', 'white')).toBe('none');
  });
});
