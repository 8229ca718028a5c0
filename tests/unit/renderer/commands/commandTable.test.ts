// The renderer's command table: the editor's commands carry the catalogue's labels and shortcuts, share none, and
// answer a key only where the focus allows (in a text field the text meaning of a key wins).
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, parseShortcut } from '../../../../decks/common/commands.ts';
import { commandForKey, focusKind, keyRuns, tooltipOf } from '../../../../renderer/src/commands/commandTable.ts';
import { EDITOR_COMMANDS, type EditorContext } from '../../../../renderer/src/editor/editorCommands.ts';

const press = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({ key: k, ctrlKey: !!mods.ctrl, metaKey: false, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('editor command table', () => {
  it('has each command once, labelled in both languages', () => {
    const ids = EDITOR_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of EDITOR_COMMANDS) {
      expect(c.label.zh.trim(), c.id).not.toBe('');
      expect(c.label.en.trim(), c.id).not.toBe('');
      expect(c.label, c.id).toEqual(COMMANDS[c.id as keyof typeof COMMANDS].label);
    }
  });

  it('shares no shortcut between two commands', () => {
    const seen = new Map<string, string>();
    for (const c of EDITOR_COMMANDS) {
      for (const k of c.keys) {
        const canonical = JSON.stringify(parseShortcut(k));
        expect(seen.get(canonical), `${k}: ${c.id} and ${seen.get(canonical)}`).toBeUndefined();
        seen.set(canonical, c.id);
      }
    }
  });

  it('runs every command the native menu sends to the renderer', () => {
    const ids = new Set(EDITOR_COMMANDS.map((c) => c.id));
    const toRenderer = COMMAND_IDS.filter((id) => COMMANDS[id].runsIn !== 'main');
    expect(toRenderer.filter((id) => !ids.has(id))).toEqual([]);
    // …and the main process runs the rest itself.
    expect(COMMAND_IDS.filter((id) => COMMANDS[id].runsIn === 'main').sort()).toEqual(['import-report', 'language-en', 'language-zh-CN', 'open-bundle', 'open-data-folder']);
  });

  it('answers slide keys outside text fields, and leaves text keys to the field', () => {
    const at = (k: ReturnType<typeof press>, focus: 'none' | 'slideText' | 'formField') => commandForKey(EDITOR_COMMANDS, k, focus, false)?.id ?? null;
    expect(at(press('Delete'), 'none')).toBe('delete');
    expect(at(press('Backspace'), 'none')).toBe('delete');
    expect(at(press('Delete'), 'slideText')).toBeNull();
    expect(at(press('ArrowDown', { alt: true }), 'none')).toBe('move-down');
    expect(at(press('ArrowDown', { ctrl: true }), 'none')).toBe('move-down');
    expect(at(press('ArrowUp', { ctrl: true }), 'slideText')).toBeNull();
    expect(at(press('a', { ctrl: true }), 'none')).toBe('select-all');
    expect(at(press('a', { ctrl: true }), 'slideText')).toBeNull();
    // Undo holds the typing of slide texts too; a form field keeps its own.
    expect(at(press('z', { ctrl: true }), 'slideText')).toBe('undo');
    expect(at(press('Z', { ctrl: true, shift: true }), 'none')).toBe('redo');
    expect(at(press('z', { ctrl: true }), 'formField')).toBeNull();
    // Keys with no meaning in text work everywhere.
    expect(at(press('F5'), 'formField')).toBe('present-start');
    expect(at(press('F5', { shift: true }), 'slideText')).toBe('present-current');
    expect(at(press('m', { ctrl: true }), 'slideText')).toBe('new-slide');
    expect(at(press('s', { ctrl: true }), 'formField')).toBe('save-version');
    // Emphasis only in a slide text.
    expect(at(press('b', { ctrl: true }), 'slideText')).toBe('emphasis');
    expect(at(press('b', { ctrl: true }), 'none')).toBeNull();
    // Clipboard keys arrive as clipboard events, never as key commands.
    expect(at(press('c', { ctrl: true }), 'none')).toBeNull();
    expect(at(press('x'), 'none')).toBeNull();
  });

  it('tells where the focus is', () => {
    expect(focusKind(null)).toBe('none');
    expect(focusKind({ tagName: 'DIV' })).toBe('none');
    expect(focusKind({ tagName: 'H2', isContentEditable: true, dataset: { field: 's1:title' } })).toBe('slideText');
    expect(focusKind({ tagName: 'INPUT', type: 'text', dataset: {} })).toBe('formField');
    expect(focusKind({ tagName: 'INPUT', type: 'checkbox', dataset: {} })).toBe('none');
    expect(focusKind({ tagName: 'INPUT', type: 'text', dataset: { appUndo: '' } })).toBe('slideText');
    expect(focusKind({ tagName: 'TEXTAREA' })).toBe('formField');
    expect(keyRuns('outsideText', 'slideText')).toBe(false);
    expect(keyRuns('anywhere', 'formField')).toBe(true);
  });

  it('puts the shortcut from the table into tooltips', () => {
    const duplicate = EDITOR_COMMANDS.find((c) => c.id === 'duplicate')!;
    expect(tooltipOf('复制幻灯片', duplicate, false)).toBe('复制幻灯片 (Ctrl+D)');
    expect(tooltipOf('复制幻灯片', duplicate, true)).toBe('复制幻灯片 (⌘D)');
    const hide = EDITOR_COMMANDS.find((c) => c.id === 'hide')!;
    expect(tooltipOf('隐藏', hide, false)).toBe('隐藏');
  });

  it('knows when a command can run', () => {
    const slide = (id: string, hidden = false) => ({ id, layout: 'points' as const, title: id, blocks: [], notes: '', hidden, section: null });
    const ctx = (ids: string[], hidden: string[] = []) =>
      ({
        state: {
          model: { slides: ['a', 'b', 'c'].map((id) => slide(id, hidden.includes(id))), figures: [] },
          selection: { ids, current: ids[0]!, anchor: ids[0]! },
          stack: { past: [], future: [], limit: 300 },
        },
      }) as unknown as EditorContext;
    const cmd = (id: string) => EDITOR_COMMANDS.find((c) => c.id === id)!;
    expect(cmd('move-up').enabled(ctx(['a']))).toBe(false);
    expect(cmd('move-up').enabled(ctx(['b']))).toBe(true);
    expect(cmd('move-down').enabled(ctx(['c']))).toBe(false);
    expect(cmd('undo').enabled(ctx(['a']))).toBe(false);
    expect(cmd('hide').checked!(ctx(['a', 'b'], ['a']))).toBe(false);
    expect(cmd('hide').checked!(ctx(['a', 'b'], ['a', 'b']))).toBe(true);
  });
});
