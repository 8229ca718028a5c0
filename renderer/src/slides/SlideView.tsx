// One slide at its logical size of 1280×720, for every layout. Editor, presenter and exports all render slides with this,
// scaled by their container (see SlideFrame). Only React text reaches the DOM: report text can never become markup.
import { createContext, useContext, type ReactNode } from 'react';
import { formatNumber, splitFigureRefs, withoutEmphasis } from '../../../decks/common/figures.ts';
import type { Block, Figure, ImageBlock, Slide, Theme } from '../../../decks/common/model.ts';
import { chineseNumeral, groupBlocks, tableSize, type BlockGroup } from '../../../decks/common/slideLayout.ts';
import { useSlideT } from '../i18n/I18nProvider.tsx';
import { ChartView } from './ChartView.tsx';

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

export type FigureMap = ReadonlyMap<string, Figure>;

export interface SlideViewProps {
  slide: Slide;
  figures: FigureMap;
  theme: Theme;
  /** 1-based position shown in the footer of content slides; omitted: no footer number. */
  number?: number;
  /** Shown small in the footer of content slides. */
  deckTitle?: string;
  /** 1-based index of the section a section slide opens (shown as 一、二、三 …). */
  sectionNumber?: number;
  /** The editor's canvas: each text of the slide becomes an editable field, with the same element and classes. */
  editing?: SlideEditing;
}

/** A text of a slide: its title, the text of block `index`, or the caption or credit of picture block `index`. */
export type TextField = { kind: 'title' } | { kind: 'block'; index: number; part?: 'caption' | 'credit' };

export interface FieldProps {
  field: TextField;
  text: string;
  /** The element the text is set in, with its classes: an editable field keeps both, so the canvas is what the room sees. */
  as: 'h1' | 'h2' | 'li' | 'p' | 'blockquote' | 'span';
  className: string;
  figures: FigureMap;
}

/** A figure card's label: the figure's label (what it measures), shared by every slide that shows the figure. */
export interface FigureLabelProps {
  figureKey: string;
  label: string;
  className: string;
}

export interface SlideEditing {
  renderField(props: FieldProps): ReactNode;
  /** A figure card's label, made editable on the canvas. */
  renderFigureLabel?(props: FigureLabelProps): ReactNode;
  /** The frame of picture block `index` on the canvas: the editor makes it take a picture (click, drop, paste). */
  renderPictureFrame(props: { index: number; block: ImageBlock; frame: ReactNode }): ReactNode;
}

const SlideEditContext = createContext<SlideEditing | null>(null);
/** The slide's theme, for what draws in its colours from code (charts) rather than from the theme's CSS. */
const SlideThemeContext = createContext<Theme>('official');

function Chart({ block, figures }: { block: Extract<Block, { kind: 'chart' }>; figures: FigureMap }) {
  return <ChartView block={block} figures={figures} theme={useContext(SlideThemeContext)} />;
}

/** One text of a slide: shown (figure references as their current values), or handed to the editor to edit in place. */
function Field(props: FieldProps) {
  const editing = useContext(SlideEditContext);
  if (editing) return editing.renderField(props);
  const { as: Tag, className, text, figures } = props;
  return (
    <Tag className={className}>
      <FigureText text={text} figures={figures} />
    </Tag>
  );
}

/** Text with `{fig:KEY}` references, each shown as the figure's current display, and its emphasis. */
export function FigureText({ text, figures }: { text: string; figures: FigureMap }): ReactNode {
  return splitFigureRefs(text).map((run, i) => {
    const figure = run.kind === 'figure' ? figures.get(run.key) : undefined;
    const shown: ReactNode =
      run.kind === 'text' ? (
        run.text
      ) : (
        <span key={i} className={figure ? 'fig' : 'fig fig-missing'} data-fig={run.key}>
          {figure ? figure.display : '[?]'}
        </span>
      );
    return run.em ? (
      <strong key={i} className="hb-em">
        {shown}
      </strong>
    ) : (
      shown
    );
  });
}

/** Splits a figure's display around its number so the number can be set large: “约” “4.38” “亿元”. */
export function calloutParts(figure: Figure): { before: string; number: string; after: string } {
  const number = formatNumber(figure.value, figure.decimals, figure.grouped);
  const at = figure.display.indexOf(number);
  if (at < 0) return { before: '', number: figure.display, after: '' };
  return { before: figure.display.slice(0, at), number, after: figure.display.slice(at + number.length) };
}

function Callout({ block, figures }: { block: Extract<Block, { kind: 'figure' }>; figures: FigureMap }) {
  const editing = useContext(SlideEditContext);
  const figure = figures.get(block.key);
  if (!figure) {
    return (
      <figure className="hb-callout fig-missing" data-fig={block.key}>
        <div className="hb-callout-value">[?]</div>
        <figcaption className="hb-callout-label">{block.caption ?? block.key}</figcaption>
      </figure>
    );
  }
  const parts = calloutParts(figure);
  return (
    <figure className="hb-callout" data-fig={block.key}>
      <div className="hb-callout-value">
        {parts.before && <span className="hb-callout-affix">{parts.before}</span>}
        <span className="hb-callout-number">{parts.number}</span>
        {parts.after && <span className="hb-callout-affix">{parts.after}</span>}
      </div>
      {editing?.renderFigureLabel && (!block.caption || block.caption === figure.label) ? (
        editing.renderFigureLabel({ figureKey: figure.key, label: figure.label, className: 'hb-callout-label' })
      ) : (
        <figcaption className="hb-callout-label">{block.caption || figure.label}</figcaption>
      )}
    </figure>
  );
}

/**
 * Where a deck's pictures can be loaded from, by asset id (blob: URLs of their display copies in the app, data: URLs in
 * the single-file HTML export). A picture it does not hold (yet) shows as an empty frame.
 */
export const SlideAssetsContext = createContext<ReadonlyMap<string, string> | null>(null);

/** A table of the report: a header row, body rows; figures in its cells show their current values. */
function TableBlock({ block, figures }: { block: Extract<Block, { kind: 'table' }>; figures: FigureMap }) {
  return (
    <table className={`hb-table size-${tableSize(block)}`}>
      <thead>
        <tr>
          {block.header.map((cell, i) => (
            <th key={i} scope="col">
              <FigureText text={cell} figures={figures} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {block.header.map((_, c) => (
              <td key={c}>
                <FigureText text={row[c] ?? ''} figures={figures} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The CSS object-position of a filled picture: its focal point, as the PPTX export crops it too. */
export function focusPosition(block: ImageBlock): string | undefined {
  if (block.fit !== 'fill' || !block.focus) return undefined;
  return `${Math.round(block.focus.x * 1000) / 10}% ${Math.round(block.focus.y * 1000) / 10}%`;
}

function Picture({ block, index, figures }: { block: ImageBlock; index: number; figures: FigureMap }) {
  const t = useSlideT();
  const assets = useContext(SlideAssetsContext);
  const editing = useContext(SlideEditContext);
  const url = block.assetId ? assets?.get(block.assetId) : undefined;
  const fill = block.fit === 'fill';
  const frame = (
    <div className={block.assetId ? 'hb-image-frame' : 'hb-image-frame hb-image-placeholder'} data-asset={block.assetId ?? ''}>
      {url ? (
        <img className={fill ? 'hb-image-img is-fill' : 'hb-image-img'} src={url} alt={block.caption} style={fill ? { objectPosition: focusPosition(block) } : undefined} draggable={false} />
      ) : block.assetId ? null : (
        <>
          <span className="hb-image-glyph" aria-hidden="true" />
          <span className="hb-image-note">{t('slide.imagePlaceholder')}</span>
        </>
      )}
    </div>
  );
  const captioned = editing !== null || block.caption || block.credit;
  return (
    <figure className="hb-image">
      {editing ? editing.renderPictureFrame({ index, block, frame }) : frame}
      {captioned && (
        <figcaption className="hb-image-caption">
          {(editing || block.caption) && <Field as="span" className="hb-image-title" field={{ kind: 'block', index, part: 'caption' }} text={block.caption} figures={figures} />}
          {(editing || block.credit) && <Field as="span" className="hb-image-credit" field={{ kind: 'block', index, part: 'credit' }} text={block.credit} figures={figures} />}
        </figcaption>
      )}
    </figure>
  );
}

/** Characters per line at each density's font size across the 1120px text column. */
const DENSITIES = [
  { name: 'roomy', perLine: 32, lines: 5 },
  { name: 'normal', perLine: 36, lines: 8 },
  { name: 'dense', perLine: 42, lines: 10 },
  { name: 'tight', perLine: 50, lines: 13 },
] as const;
export type Density = (typeof DENSITIES)[number]['name'] | 'tiny';

/** Characters a text shows, a figure counting as six. */
const shownLength = (text: string) => withoutEmphasis(text).replace(/\{fig:[^}]*\}/g, '123456').length;

/** Picks a font size tier so the body fits the slide: estimated from text lengths (a figure counts as 6 characters). */
export function densityOf(blocks: readonly Block[]): Density {
  const lengths: number[] = [];
  let fixedLines = 0;
  for (const g of groupBlocks(blocks)) {
    if (g.kind === 'bullets') for (const b of g.items) lengths.push(shownLength(b.text) + b.level * 2);
    else if (g.kind === 'text') lengths.push(shownLength(g.block.text));
    else if (g.kind === 'figures') fixedLines += 4 * Math.ceil(g.items.length / 4);
    else if (g.kind === 'table') fixedLines += Math.min(10, g.block.rows.length + 1);
    else if (g.kind === 'chart') fixedLines += 9;
    else fixedLines += 7;
  }
  for (const d of DENSITIES) {
    // Few words are set larger only when every one fits on one line at that size.
    if (d.name === 'roomy' && (fixedLines > 0 || lengths.some((len) => len > d.perLine))) continue;
    const lines = lengths.reduce((n, len) => n + Math.max(1, Math.ceil(len / d.perLine)), 0) * 1.25 + fixedLines;
    if (lines <= d.lines * 1.25) return d.name;
  }
  return 'tiny';
}

function Body({ blocks, figures, omitRoles = [], indexOf }: { blocks: readonly Block[]; figures: FigureMap; omitRoles?: readonly string[]; indexOf: (b: Block) => number }) {
  return groupBlocks(blocks).map((g, i) => {
    switch (g.kind) {
      case 'bullets':
        return (
          <ul key={i} className="hb-bullets">
            {g.items.map((b, j) => (
              <Field key={j} as="li" className={`hb-bullet level-${b.level}`} field={{ kind: 'block', index: indexOf(b) }} text={b.text} figures={figures} />
            ))}
          </ul>
        );
      case 'figures':
        return (
          <div key={i} className={`hb-callouts count-${Math.min(g.items.length, 6)}`}>
            {g.items.map((b, j) => (
              <Callout key={j} block={b} figures={figures} />
            ))}
          </div>
        );
      case 'text':
        if (omitRoles.includes(g.block.role)) return null;
        return g.block.role === 'quote' ? (
          <Field key={i} as="blockquote" className="hb-quote" field={{ kind: 'block', index: indexOf(g.block) }} text={g.block.text} figures={figures} />
        ) : (
          <Field key={i} as="p" className={`hb-text role-${g.block.role}`} field={{ kind: 'block', index: indexOf(g.block) }} text={g.block.text} figures={figures} />
        );
      case 'image':
        return <Picture key={i} block={g.block} index={indexOf(g.block)} figures={figures} />;
      case 'table':
        return <TableBlock key={i} block={g.block} figures={figures} />;
      case 'chart':
        return <Chart key={i} block={g.block} figures={figures} />;
    }
  });
}

/** The position of each block in its slide, for naming the field it is edited in. */
function blockIndexer(blocks: readonly Block[]): (b: Block) => number {
  const map = new Map(blocks.map((b, i) => [b, i]));
  return (b) => map.get(b) ?? -1;
}

function textsOfRole(blocks: readonly Block[], role: string): { text: string; index: number }[] {
  return blocks.flatMap((b, index) => (b.kind === 'text' && b.role === role ? [{ text: b.text, index }] : []));
}

function CoverSlide({ slide, figures, sectionNumber }: { slide: Slide; figures: FigureMap; sectionNumber?: number }) {
  const subtitles = textsOfRole(slide.blocks, 'subtitle');
  const bylines = textsOfRole(slide.blocks, 'byline');
  const dates = textsOfRole(slide.blocks, 'date');
  const rest = slide.blocks.filter((b) => !(b.kind === 'text' && (b.role === 'subtitle' || b.role === 'byline' || b.role === 'date')));
  return (
    <div className="hb-cover">
      {slide.layout === 'section' && sectionNumber !== undefined && (
        <div className="hb-section-number" aria-hidden="true">
          {chineseNumeral(sectionNumber)}
        </div>
      )}
      <div className="hb-rule hb-rule-top" aria-hidden="true" />
      <Field as="h1" className="hb-title" field={{ kind: 'title' }} text={slide.title} figures={figures} />
      {subtitles.map((s) => (
        <Field key={s.index} as="p" className="hb-subtitle" field={{ kind: 'block', index: s.index }} text={s.text} figures={figures} />
      ))}
      <div className="hb-rule hb-rule-bottom" aria-hidden="true" />
      {rest.length > 0 && (
        <div className="hb-cover-body">
          <Body blocks={rest} figures={figures} indexOf={blockIndexer(slide.blocks)} />
        </div>
      )}
      {(bylines.length > 0 || dates.length > 0) && (
        <div className="hb-cover-meta">
          {bylines.map((s) => (
            <Field key={s.index} as="p" className="hb-byline" field={{ kind: 'block', index: s.index }} text={s.text} figures={figures} />
          ))}
          {dates.map((s) => (
            <Field key={s.index} as="p" className="hb-date" field={{ kind: 'block', index: s.index }} text={s.text} figures={figures} />
          ))}
        </div>
      )}
    </div>
  );
}

function ContentSlide({ slide, figures, number, deckTitle }: { slide: Slide; figures: FigureMap; number?: number; deckTitle?: string }) {
  const isAgenda = slide.layout === 'agenda';
  return (
    <>
      <header className="hb-head">
        <Field as="h2" className="hb-title" field={{ kind: 'title' }} text={slide.title} figures={figures} />
      </header>
      <div className="hb-body">
        {isAgenda ? (
          <ol className="hb-agenda">
            {slide.blocks.map((b, i) =>
              b.kind === 'bullet' || b.kind === 'text' ? (
                <li key={i} className="hb-agenda-item">
                  <span className="hb-agenda-number" aria-hidden="true">
                    {String(i + 1).padStart(2, '0')}
                  </span>
                  <Field as="span" className="hb-agenda-text" field={{ kind: 'block', index: i }} text={b.text} figures={figures} />
                </li>
              ) : null,
            )}
          </ol>
        ) : (
          <Body blocks={slide.blocks} figures={figures} indexOf={blockIndexer(slide.blocks)} />
        )}
      </div>
      {(number !== undefined || deckTitle) && (
        <footer className="hb-foot">
          <span className="hb-foot-title">{deckTitle}</span>
          {number !== undefined && <span className="hb-foot-number">{number}</span>}
        </footer>
      )}
    </>
  );
}

export function SlideView({ slide, figures, theme, number, deckTitle, sectionNumber, editing }: SlideViewProps) {
  const cover = slide.layout === 'title' || slide.layout === 'section' || slide.layout === 'closing';
  const className = ['hb-slide', `theme-${theme}`, `layout-${slide.layout}`, `density-${densityOf(slide.blocks)}`, cover ? 'is-cover' : 'is-content'].join(' ');
  const content = (
    <div className={className} lang="zh-CN" data-slide-id={slide.id}>
      {cover ? (
        <CoverSlide slide={slide} figures={figures} sectionNumber={sectionNumber} />
      ) : (
        <ContentSlide slide={slide} figures={figures} number={number} deckTitle={deckTitle} />
      )}
    </div>
  );
  const themed = <SlideThemeContext.Provider value={theme}>{content}</SlideThemeContext.Provider>;
  return editing ? <SlideEditContext.Provider value={editing}>{themed}</SlideEditContext.Provider> : themed;
}

/** Figures of a deck by key, for SlideView. */
export function figureMap(figures: readonly Figure[]): FigureMap {
  return new Map(figures.map((f) => [f.key, f]));
}
