// The desktop app's File › Export: each menu command maps to a format the API knows (the deck comes from the main
// window's route: appRoutes.test.ts).
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../decks/common/api.ts';
import { EXPORT_COMMANDS } from '../../../electron/main/exportMenu.ts';
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

});
