// The command catalogue shared by the native menu and the renderer: labels in both languages, shortcuts that are
// unique and that read the same in the menu, the tooltips and the key handler.
import { describe, expect, it } from 'vitest';
import { accelerator, COMMAND_IDS, COMMANDS, isCommandId, matchesShortcut, parseShortcut, shortcutLabel } from '../../../decks/common/commands.ts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('command catalogue', () => {
  it('has every id once, each with a label in Chinese and in English', () => {
    expect(Object.keys(COMMANDS)).toEqual([...COMMAND_IDS]);
    for (const id of COMMAND_IDS) {
      expect(COMMANDS[id].id).toBe(id);
      expect(COMMANDS[id].label.zh.trim(), id).not.toBe('');
      expect(COMMANDS[id].label.en.trim(), id).not.toBe('');
      // The Chinese label is Chinese (the language entries are English and 中文 in both).
      if (!id.startsWith('language-') && !id.startsWith('export-')) expect(COMMANDS[id].label.zh, id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives no two commands the same shortcut', () => {
    const seen = new Map<string, string>();
    for (const id of COMMAND_IDS) {
      for (const k of COMMANDS[id].keys) {
        const canonical = JSON.stringify(parseShortcut(k));
        expect(seen.get(canonical), `${k} of ${id}`).toBeUndefined();
        seen.set(canonical, id);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('has the PowerPoint and WPS keys', () => {
    expect(COMMANDS['present-start'].keys).toEqual(['F5']);
    expect(COMMANDS['present-current'].keys).toEqual(['Shift+F5']);
    expect(COMMANDS['new-slide'].keys).toEqual(['Mod+M']);
    expect(COMMANDS.duplicate.keys).toEqual(['Mod+D']);
    expect(COMMANDS.redo.keys).toEqual(['Mod+Y', 'Mod+Shift+Z']);
    expect(COMMANDS['move-down'].keys).toEqual(['Alt+ArrowDown', 'Mod+ArrowDown']);
    expect(COMMANDS['save-version'].keys).toEqual(['Mod+S']);
    expect(COMMANDS.emphasis.keys).toEqual(['Mod+B']);
    expect(COMMANDS.copy.clipboard).toBe('copy');
  });

  it('matches key presses exactly, Mod being Ctrl (⌘ on macOS)', () => {
    const redo = parseShortcut('Mod+Shift+Z');
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), redo, false)).toBe(true);
    expect(matchesShortcut(key('z', { ctrl: true }), redo, false)).toBe(false);
    expect(matchesShortcut(key('Z', { meta: true, shift: true }), redo, true)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), redo, true)).toBe(false);
    expect(matchesShortcut(key('F5'), parseShortcut('F5'), false)).toBe(true);
    expect(matchesShortcut(key('F5', { shift: true }), parseShortcut('F5'), false)).toBe(false);
    expect(matchesShortcut(key('ArrowDown', { alt: true }), parseShortcut('Alt+ArrowDown'), false)).toBe(true);
    expect(matchesShortcut(key('ArrowDown', { alt: true, ctrl: true }), parseShortcut('Alt+ArrowDown'), false)).toBe(false);
  });

  it('writes shortcuts for Electron and for people', () => {
    expect(accelerator('Mod+Shift+O')).toBe('CmdOrCtrl+Shift+O');
    expect(accelerator('Alt+ArrowUp')).toBe('Alt+Up');
    expect(accelerator('Shift+F5')).toBe('Shift+F5');
    expect(shortcutLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(shortcutLabel('Alt+ArrowDown', false)).toBe('Alt+↓');
    expect(shortcutLabel('Delete', false)).toBe('Delete');
  });

  it('knows its ids and nothing else', () => {
    expect(isCommandId('copy')).toBe(true);
    for (const bad of ['', 'constructor', '__proto__', 'copy ', 42, null, { id: 'copy' }]) expect(isCommandId(bad)).toBe(false);
  });
});
