// The desktop app's File › Export: each menu command maps to a format the API knows, and the deck is read from
// the main window's address.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../decks/common/api.ts';
import { deckIdInUrl, EXPORT_COMMANDS } from '../../../electron/main/exportMenu.ts';
import { MENU_COMMANDS } from '../../../electron/main/menu.ts';

describe('export menu', () => {
  it('maps every export command of the menu to an API format with its extension', () => {
    const exportCommands = MENU_COMMANDS.filter((c) => c.startsWith('export-'));
    expect(Object.keys(EXPORT_COMMANDS).sort()).toEqual([...exportCommands].sort());
    for (const c of exportCommands) {
      const choice = EXPORT_COMMANDS[c]!;
      expect(EXPORT_FORMATS).toContain(choice.format);
      expect(choice.extension).toBe(choice.format === 'huibao' ? 'huibao' : choice.format);
    }
  });

  it('finds the deck in the editor, presentation and console routes, and nowhere else', () => {
    expect(deckIdInUrl('app://huibao/index.html#/edit/abc123')).toBe('abc123');
    expect(deckIdInUrl('app://huibao/index.html#/present/abc123/4')).toBe('abc123');
    expect(deckIdInUrl('app://huibao/index.html#/console/x%2Dy')).toBe('x-y');
    expect(deckIdInUrl('app://huibao/index.html#/')).toBeNull();
    expect(deckIdInUrl('app://huibao/index.html')).toBeNull();
    expect(deckIdInUrl('app://huibao/index.html#/edit/%E0%A4%A')).toBeNull();
  });
});
