// The editor's toolbar: every button is a command of the table (label, shortcut in the tooltip, enabled state);
// the New Slide menu offers the layouts, the Insert Figure menu the deck's figures, Theme the themes with live
// thumbnails of the current slide, Export the file formats.
import { useMemo, type MutableRefObject } from 'react';
import type { CommandId } from '../../../decks/common/commands.ts';
import { LAYOUTS, type Figure, type Slide } from '../../../decks/common/model.ts';
import { ExportMenu } from '../app/ExportMenu.tsx';
import { CommandButton } from '../commands/CommandButton.tsx';
import type { Command } from '../commands/commandTable.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { editorCommand, insertSlide, type EditorContext } from './editorCommands.ts';
import { EditorIcon, type EditorIconName } from './EditorIcon.tsx';
import { Menu } from './Menu.tsx';
import { figureMap } from '../slides/SlideView.tsx';
import { ThemePicker, ThemePopover } from '../slides/ThemePicker.tsx';

interface EditorToolbarProps {
  ctx: EditorContext;
  run(command: Command<EditorContext>): void;
  figures: readonly Figure[];
  onInsertFigure(key: string): void;
  /** The export menu's runner, for the export commands (keys, native menu). */
  exportControl: MutableRefObject<((choice: string) => void) | null>;
  /** Opens the theme panel, for the theme command (native menu). */
  themeControl: MutableRefObject<(() => void) | null>;
  /** The slide being edited: the theme thumbnails show it. */
  current: Slide | undefined;
}

export function EditorToolbar({ ctx, run, figures, onInsertFigure, exportControl, themeControl, current }: EditorToolbarProps) {
  const t = useT();
  const button = (id: CommandId, icon: EditorIconName, more: { iconOnly?: boolean; label?: string; className?: string } = {}) => (
    <CommandButton command={editorCommand(id)} ctx={ctx} run={run} icon={<EditorIcon name={icon} />} {...more} />
  );
  const hidden = editorCommand('hide').checked?.(ctx) ?? false;
  const themeCommand = editorCommand('theme');
  const figureIndex = useMemo(() => figureMap(figures), [figures]);
  const slides = ctx.state.model.slides;
  const preview = current ?? slides[0];
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
          items={LAYOUTS.map((layout) => ({ key: layout, label: t(`editor.layoutName.${layout}`), run: () => insertSlide(ctx, layout) }))}
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
        {preview && (
          <ThemePopover
            control={themeControl}
            title={t('theme.title')}
            button={({ open, toggle }) => (
              <button type="button" className="tool-button" aria-haspopup="dialog" aria-expanded={open} onMouseDown={(e) => e.preventDefault()} onClick={toggle} title={themeCommand.label[ctx.lang]}>
                <EditorIcon name="palette" />
                <span className="tool-label">{t('theme.button')}</span>
              </button>
            )}
          >
            <ThemePicker
              value={ctx.state.model.theme}
              onChoose={(theme) => ctx.store.setTheme(theme)}
              label={t('theme.title')}
              preview={{ slide: preview, figures: figureIndex, deckTitle: ctx.store.deck.title, number: slides.indexOf(preview) + 1 }}
            />
            <p className="theme-popover-note">{t('theme.undoNote')}</p>
          </ThemePopover>
        )}
      </div>
      <div className="tool-spacer" />
      <div className="tool-group">
        <ExportMenu deckId={ctx.store.deck.id} beforeExport={() => ctx.store.flush()} control={exportControl} />
      </div>
      <div className="tool-group">
        {button('present-console', 'slides', { label: t('editor.presentConsole') })}
        {button('present-start', 'play', { label: t('editor.presentStart') })}
        {button('present-current', 'playHere', { label: t('editor.presentHere'), className: 'accent' })}
      </div>
    </div>
  );
}
