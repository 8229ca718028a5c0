// The editor's toolbar: every button is a command of the table (label, shortcut in the tooltip, enabled state);
// the New Slide menu offers the layouts, the Insert Figure menu the deck's figures, Theme the themes with live
// thumbnails of the current slide, Export the file formats. Memoised: it draws again only when what it shows changes
// (not on every move of a slide).
import { memo, type MutableRefObject } from 'react';
import type { CommandId } from '../../../decks/common/commands.ts';
import { LAYOUTS, type Figure, type Layout, type Theme } from '../../../decks/common/model.ts';
import { ExportMenu } from '../app/ExportMenu.tsx';
import { CommandButton } from '../commands/CommandButton.tsx';
import type { Command, CommandStates } from '../commands/commandTable.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { ThemePicker, ThemePopover, type ThemePreview } from '../slides/ThemePicker.tsx';
import { editorCommand, type EditorContext } from './editorCommands.ts';
import { EditorIcon, type EditorIconName } from './EditorIcon.tsx';
import { Menu } from './Menu.tsx';

interface EditorToolbarProps {
  deckId: string;
  states: CommandStates;
  run(command: Command<EditorContext>): void;
  figures: readonly Figure[];
  onInsertSlide(layout: Layout): void;
  onInsertFigure(key: string): void;
  /** Saves pending edits: every export does this first. */
  flush(): Promise<void>;
  /** The export menu's runner, for the export commands (keys, native menu). */
  exportControl: MutableRefObject<((choice: string) => void) | null>;
  /** Holds an export until the pre-flight check was offered (see ExportMenu's gate). */
  exportGate(go: () => void): void;
  /** Opens the theme panel, for the theme command (native menu). */
  themeControl: MutableRefObject<(() => void) | null>;
  theme: Theme;
  onChooseTheme(theme: Theme): void;
  /** The slide the theme thumbnails show (the one being edited), read when the panel opens. */
  previewOf(): ThemePreview | undefined;
}

/** The theme panel's picker: made when the panel opens, so it shows the slide being edited then. */
function EditorThemePicker({ theme, onChoose, previewOf }: { theme: Theme; onChoose(theme: Theme): void; previewOf(): ThemePreview | undefined }) {
  const t = useT();
  const preview = previewOf();
  if (!preview) return null;
  return (
    <>
      <ThemePicker value={theme} onChoose={onChoose} label={t('theme.title')} preview={preview} />
      <p className="theme-popover-note">{t('theme.undoNote')}</p>
    </>
  );
}

export const EditorToolbar = memo(function EditorToolbar(props: EditorToolbarProps) {
  const { deckId, states, run, figures, onInsertSlide, onInsertFigure, flush, exportControl, exportGate, themeControl, theme, onChooseTheme, previewOf } = props;
  const t = useT();
  const [lang] = useLang();
  const button = (id: CommandId, icon: EditorIconName, more: { iconOnly?: boolean; label?: string; className?: string } = {}) => (
    <CommandButton command={editorCommand(id)} state={states[id]!} run={run} icon={<EditorIcon name={icon} />} {...more} />
  );
  const hidden = states.hide?.checked ?? false;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="tool-group">
        {button('undo', 'undo', { iconOnly: true })}
        {button('redo', 'redo', { iconOnly: true })}
      </div>
      <div className="tool-group">
        <Menu
          label={t('editor.newSlide')}
          icon={<EditorIcon name="add" />}
          items={LAYOUTS.map((layout) => ({ key: layout, label: t(`editor.layoutName.${layout}`), run: () => onInsertSlide(layout) }))}
        />
        {button('duplicate', 'copy')}
        {button('delete', 'trash')}
        {button('hide', hidden ? 'eye' : 'eyeOff', { label: hidden ? t('editor.unhide') : t('editor.hide') })}
      </div>
      <div className="tool-group">
        <Menu
          label={t('editor.insertFigure')}
          icon={<EditorIcon name="chip" />}
          className="menu-figures"
          empty={t('editor.figures.none')}
          items={figures.map((f) => ({ key: f.key, label: f.label || f.key, hint: f.display, run: () => onInsertFigure(f.key) }))}
        />
        {button('insert-picture', 'image', { label: t('picture.insert') })}
        <ThemePopover
          control={themeControl}
          title={t('theme.title')}
          button={({ open, toggle }) => (
            <button type="button" className="tool-button" aria-haspopup="dialog" aria-expanded={open} onMouseDown={(e) => e.preventDefault()} onClick={toggle} title={editorCommand('theme').label[lang]}>
              <EditorIcon name="palette" />
              <span className="tool-label">{t('theme.button')}</span>
            </button>
          )}
        >
          <EditorThemePicker theme={theme} onChoose={onChooseTheme} previewOf={previewOf} />
        </ThemePopover>
      </div>
      <div className="tool-spacer" />
      <div className="tool-group">
        {button('refresh-report', 'refresh', { label: t('refresh.button') })}
        {button('approve', 'seal', { label: t('approve.button') })}
      </div>
      <div className="tool-group">
        <ExportMenu deckId={deckId} beforeExport={flush} control={exportControl} gate={exportGate} />
      </div>
      <div className="tool-group">
        {button('present-console', 'slides', { label: t('editor.presentConsole') })}
        {button('present-start', 'play', { label: t('editor.presentStart') })}
        {button('present-current', 'playHere', { label: t('editor.presentHere'), className: 'accent' })}
      </div>
    </div>
  );
});
