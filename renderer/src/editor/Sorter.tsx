// The slide sorter: a windowed listbox of thumbnails with section headers, multi-selection, drag and drop (dnd-kit's
// pointer sensor) with an insertion line, moving through it with the keys of a desktop editor (↑/↓, Shift, Home/End,
// Enter/F2 to edit the title), and a context menu. The slide commands' keys (Delete, Ctrl+D, Alt+↑/↓, Ctrl+C …) are
// the editor's (editorCommands.ts): they work the same wherever the focus is.
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { resolveFigureRefs } from '../../../decks/common/figures.ts';
import type { Slide, Theme } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { chineseNumeral } from '../../../decks/common/slideLayout.ts';
import type { FigureMap } from '../slides/SlideView.tsx';
import { clickSelect, stepSelect, type Selection } from './selection.ts';
import { Thumbnail } from './Thumbnail.tsx';
import { rowAt, rowOffsets, scrollToShow, visibleRange } from './windowing.ts';

interface SorterProps {
  slides: readonly Slide[];
  figures: FigureMap;
  theme: Theme;
  deckTitle: string;
  selection: Selection;
  overflowing: ReadonlySet<string>;
  onSelect(sel: Selection): void;
  /** Drop: move the dragged slides to just after `afterId` (null: to the start). */
  onDrop(ids: readonly string[], afterId: string | null): void;
  /** Enter or F2: edit the current slide's title. */
  onEditTitle(): void;
  /** A right-click (or Shift+F10, the menu key) asks for the context menu at this point of the window. */
  onContextMenu(x: number, y: number): void;
  onOverflow(slide: Slide, overflows: boolean): void;
}

type Row =
  | { kind: 'header'; key: string; slide: Slide; number: number; title: string }
  | { kind: 'slide'; key: string; slide: Slide; index: number; sectionNumber: number | undefined; title: string };

const HEADER_HEIGHT = 34;
/** Above this many rows the sorter draws only the rows in view. */
export const WINDOW_ROWS = 80;

/** The drawn rows [start, end) cut into runs: those before any section, then one run per section (with its header row). */
function groupsOf(rows: readonly Row[], start: number, end: number, sectionEnds: ReadonlyMap<number, number>): { header: number | null; from: number; to: number }[] {
  const out: { header: number | null; from: number; to: number }[] = [];
  // The section the first drawn row belongs to: the nearest header at or before it.
  let header: number | null = null;
  for (let i = start; i >= 0; i--) {
    if (rows[i]?.kind === 'header') {
      header = sectionEnds.get(i)! >= start ? i : null;
      break;
    }
  }
  let from = start;
  for (let i = start; i < end; i++) {
    if (rows[i]!.kind === 'header' && i > from) {
      out.push({ header, from, to: i });
      from = i;
    }
    if (rows[i]!.kind === 'header') header = i;
  }
  if (end > from) out.push({ header, from, to: end });
  return out;
}

export const optionId = (slideId: string) => `slide-option-${slideId}`;

export function Sorter(props: SorterProps) {
  const { slides, figures, selection, onSelect } = props;
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800, width: 220 });
  const [drag, setDrag] = useState<{ ids: string[]; lead: string } | null>(null);
  const [drop, setDrop] = useState<{ key: string; edge: 'before' | 'after'; afterId: string | null } | null>(null);

  const order = useMemo(() => slides.map((s) => s.id), [slides]);
  // Rows are remade only for slides that changed (or moved), so memoised rows and thumbnails skip the rest.
  const rowCache = useRef(new WeakMap<Slide, { figures: FigureMap; header: Row | null; row: Row }>());
  const rows = useMemo(() => {
    const out: Row[] = [];
    let sections = 0;
    const cache = rowCache.current;
    slides.forEach((slide, index) => {
      const sectionNumber = slide.layout === 'section' ? ++sections : undefined;
      const hit = cache.get(slide);
      if (hit && hit.figures === figures && hit.row.kind === 'slide' && hit.row.index === index && hit.row.sectionNumber === sectionNumber) {
        if (hit.header) out.push(hit.header);
        out.push(hit.row);
        return;
      }
      const title = resolveFigureRefs(slide.title, figures).trim();
      const header: Row | null = sectionNumber !== undefined ? { kind: 'header', key: `h-${slide.id}`, slide, number: sectionNumber, title } : null;
      const row: Row = { kind: 'slide', key: slide.id, slide, index, sectionNumber, title };
      cache.set(slide, { figures, header, row });
      if (header) out.push(header);
      out.push(row);
    });
    return out;
  }, [slides, figures]);

  // Row heights follow the pane's width: a 16:9 thumbnail plus its padding.
  const slideHeight = Math.round(((viewport.width - 44) * 9) / 16) + 14;
  const heights = useMemo(() => rows.map((r) => (r.kind === 'header' ? HEADER_HEIGHT : slideHeight)), [rows, slideHeight]);
  const { tops, total } = useMemo(() => rowOffsets(heights), [heights]);
  // Small decks draw every row (cheap, and every slide stays in the accessibility tree); large ones only what is in view.
  const windowed = rows.length > WINDOW_ROWS;
  const [start, end] = windowed ? visibleRange(tops, heights, viewport.top, viewport.height, 4) : [0, rows.length];
  const sectionEnds = useMemo(() => {
    const ends = new Map<number, number>();
    let open = -1;
    rows.forEach((r, i) => {
      if (r.kind === 'header') open = i;
      if (open >= 0) ends.set(open, i);
    });
    return ends;
  }, [rows]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the current slide in view when the selection moves (by keyboard, or from the canvas or a panel).
  // (From the viewport as last measured: reading the scroller's layout here would force a layout before paint. And
  // scrolled at the next frame, where the browser lays the page out anyway: scrolling now, in the task of the key
  // press, would force a second layout into it.)
  const view = useRef(viewport);
  view.current = viewport;
  useEffect(() => {
    const el = scroller.current;
    const i = rowIndex.get(selection.current);
    if (!el || i === undefined) return;
    const next = scrollToShow(tops, heights, i, view.current.top, view.current.height);
    if (next === view.current.top) return;
    const frame = requestAnimationFrame(() => {
      el.scrollTop = next;
    });
    return () => cancelAnimationFrame(frame);
  }, [selection.current, rowIndex, tops, heights]);

  const selected = useMemo(() => new Set(selection.ids), [selection.ids]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5, Home: -Infinity, End: Infinity };
    // Keys with Ctrl, Alt or ⌘ are the editor's commands (Alt+↓ moves slides), not moves through the list.
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key in steps) {
      e.preventDefault();
      const delta = steps[e.key]!;
      onSelect(stepSelect(selection, order, Number.isFinite(delta) ? delta : delta > 0 ? order.length : -order.length, e.shiftKey));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      props.onEditTitle();
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const row = scroller.current?.querySelector<HTMLElement>(`#${CSS.escape(optionId(selection.current))}`);
      const box = (row ?? scroller.current)?.getBoundingClientRect();
      if (box) props.onContextMenu(box.left + box.width / 2, box.top + box.height / 2);
    }
  };

  // Right-click: on a slide not selected yet, that slide alone is selected first (as in PowerPoint).
  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-slide-id]')?.dataset.slideId;
    if (id && !selection.ids.includes(id)) onSelect({ ids: [id], current: id, anchor: id });
    scroller.current?.focus({ preventScroll: true });
    props.onContextMenu(e.clientX, e.clientY);
  };

  // Stable across renders (rows are memoised): reads the latest selection and order through a ref.
  const latest = useRef({ selection, order, onSelect });
  latest.current = { selection, order, onSelect };
  const onRowClick = useCallback((id: string, e: MouseEvent) => {
    const { selection: sel, order: ids, onSelect: select } = latest.current;
    select(clickSelect(sel, ids, id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
    scroller.current?.focus({ preventScroll: true });
  }, []);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  // What a screen reader hears while slides are dragged (dnd-kit's own words are English and name its ids).
  const spoken = useRef<{ ids: readonly string[]; afterId: string | null | undefined }>({ ids: [], afterId: undefined });
  const accessibility = useMemo(() => {
    const numberOf = (id: string) => latest.current.order.indexOf(id) + 1;
    return {
      screenReaderInstructions: { draggable: t('editor.dnd.instructions') },
      announcements: {
        onDragStart: () => t('editor.dnd.start', { n: spoken.current.ids.length, at: spoken.current.ids.map(numberOf).join('、') }),
        onDragOver: () => undefined,
        onDragEnd: () => {
          const { afterId } = spoken.current;
          if (afterId === undefined) return t('editor.dnd.notMoved');
          return afterId === null ? t('editor.dnd.toStart') : t('editor.dnd.after', { at: numberOf(afterId) });
        },
        onDragCancel: () => t('editor.dnd.cancel'),
      },
    };
  }, [t]);

  // Drag and drop: the whole list is one dnd-kit draggable (pointer sensor), and where the pointer is over the list is
  // read from the rows' known offsets — no per-row droppables, so ordinary renders of the rows stay cheap.
  const rowAtPointer = (clientY: number): number => {
    const el = scroller.current;
    if (!el || rows.length === 0) return -1;
    const y = clientY - el.getBoundingClientRect().top + el.scrollTop;
    if (y < 0) return 0;
    return y >= total ? rows.length : rowAt(tops, heights, y);
  };
  const pointer = useRef(0);
  const autoScroll = useRef(0);

  const onDragStart = (e: DragStartEvent) => {
    const startY = (e.activatorEvent as globalThis.PointerEvent).clientY;
    pointer.current = startY;
    const row = rows[rowAtPointer(startY)];
    if (!row) return;
    const lead = row.slide.id;
    let ids: string[];
    if (row.kind === 'slide' && selected.has(lead)) ids = [...selection.ids];
    else {
      ids = [lead];
      onSelect({ ids: [lead], current: lead, anchor: lead });
    }
    setDrag({ ids, lead });
    spoken.current = { ids, afterId: undefined };
    // Scrolls the list while the pointer rests near its top or bottom edge.
    const tick = () => {
      const el = scroller.current;
      if (el) {
        const box = el.getBoundingClientRect();
        const edge = 48;
        const dy = pointer.current < box.top + edge ? -(box.top + edge - pointer.current) : pointer.current > box.bottom - edge ? pointer.current - (box.bottom - edge) : 0;
        if (dy !== 0) {
          el.scrollTop += Math.max(-24, Math.min(24, dy / 2));
          track(pointer.current);
        }
      }
      autoScroll.current = requestAnimationFrame(tick);
    };
    autoScroll.current = requestAnimationFrame(tick);
  };

  const track = (clientY: number) => {
    const i = rowAtPointer(clientY);
    if (i < 0) {
      spoken.current = { ...spoken.current, afterId: undefined };
      return setDrop(null);
    }
    let next: { key: string; edge: 'before' | 'after'; afterId: string | null };
    if (i >= rows.length) {
      const last = rows[rows.length - 1]!;
      next = { key: last.key, edge: 'after', afterId: last.slide.id };
    } else {
      const row = rows[i]!;
      const el = scroller.current!;
      const y = clientY - el.getBoundingClientRect().top + el.scrollTop;
      const at = order.indexOf(row.slide.id);
      const edge: 'before' | 'after' = row.kind === 'header' || y < tops[i]! + heights[i]! / 2 ? 'before' : 'after';
      next = { key: row.key, edge, afterId: edge === 'after' ? row.slide.id : at > 0 ? order[at - 1]! : null };
    }
    spoken.current = { ...spoken.current, afterId: next.afterId };
    setDrop((d) => (d && d.key === next.key && d.edge === next.edge ? d : next));
  };

  const onDragMove = (e: DragMoveEvent) => {
    pointer.current = (e.activatorEvent as globalThis.PointerEvent).clientY + e.delta.y;
    track(pointer.current);
  };

  const endDrag = (commit: boolean) => {
    cancelAnimationFrame(autoScroll.current);
    if (commit && drag && drop) props.onDrop(drag.ids, drop.afterId);
    setDrag(null);
    setDrop(null);
  };
  const onDragEnd = (_e: DragEndEvent) => endDrag(true);

  const moving = useMemo(() => new Set(drag?.ids ?? []), [drag]);
  const leadSlide = drag ? slides.find((s) => s.id === drag.lead) : undefined;

  const renderRow = (i: number, offset: number) => {
    const row = rows[i]!;
    return (
      <SorterRow
        key={row.key}
        row={row}
        top={tops[i]! - offset}
        height={heights[i]!}
        selected={row.kind === 'slide' && selected.has(row.slide.id)}
        current={row.kind === 'slide' && selection.current === row.slide.id}
        moving={moving.has(row.slide.id)}
        overflowing={props.overflowing.has(row.slide.id)}
        dropEdge={drop && drop.key === row.key ? drop.edge : null}
        figures={figures}
        theme={props.theme}
        deckTitle={props.deckTitle}
        onClick={onRowClick}
        onOverflow={props.onOverflow}
      />
    );
  };

  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => endDrag(false)}
    >
      <DragSurface
        scroller={scroller}
        className={`sorter${drag ? ' is-dragging' : ''}`}
        label={t('editor.slides')}
        activeId={optionId(selection.current)}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        onScroll={(top) => setViewport((v) => (v.top === top ? v : { ...v, top }))}
      >
        <div className="sorter-inner" style={{ height: total }}>
          {windowed
            ? // Large decks draw the rows in view flat, so a slide moved into another section keeps its row (no remount).
              rows.slice(start, end).map((_, k) => renderRow(start + k, 0))
            : groupsOf(rows, start, end, sectionEnds).map((g) => {
                const items = rows.slice(g.from, g.to).map((_, k) => renderRow(g.from + k, g.header === null ? 0 : tops[g.header]!));
                if (g.header === null) return <div key={`free-${g.from}`}>{items}</div>;
                const head = rows[g.header] as Extract<Row, { kind: 'header' }>;
                const last = sectionEnds.get(g.header)!;
                return (
                  // A section is a group of options named by its header, spanning all its rows.
                  <div
                    key={head.key}
                    role="group"
                    aria-label={t('editor.sectionHeader', { n: head.number, cn: chineseNumeral(head.number), title: head.title || t('editor.untitled') })}
                    className="sorter-group"
                    style={{ top: tops[g.header]!, height: tops[last]! + heights[last]! - tops[g.header]! }}
                  >
                    {items}
                  </div>
                );
              })}
        </div>
      </DragSurface>
      <DragOverlay dropAnimation={null}>
        {drag && leadSlide ? (
          <div className="sorter-drag-preview">
            <Thumbnail
              slide={leadSlide}
              figures={figures}
              theme={props.theme}
              number={order.indexOf(leadSlide.id) + 1}
              deckTitle={props.deckTitle}
              sectionNumber={undefined}
              onOverflow={noop}
            />
            {drag.ids.length > 1 && <span className="sorter-drag-count">{t('editor.dragCount', { n: drag.ids.length })}</span>}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function noop() {}

/** The listbox itself, and the one draggable of the list (the pointer sensor starts drags anywhere on it). */
function DragSurface({
  scroller,
  className,
  label,
  activeId,
  onKeyDown,
  onContextMenu,
  onScroll,
  children,
}: {
  scroller: RefObject<HTMLDivElement | null>;
  className: string;
  label: string;
  activeId: string;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  onContextMenu(e: MouseEvent): void;
  onScroll(top: number): void;
  children: ReactNode;
}) {
  const drag = useDraggable({ id: 'sorter' });
  return (
    <div
      ref={(el) => {
        scroller.current = el;
        drag.setNodeRef(el);
      }}
      className={className}
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      aria-orientation="vertical"
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      onScroll={(e) => onScroll(e.currentTarget.scrollTop)}
      {...(drag.listeners as { onPointerDown?: (e: PointerEvent<HTMLDivElement>) => void } | undefined)}
    >
      {children}
    </div>
  );
}

interface RowProps {
  row: Row;
  top: number;
  height: number;
  selected: boolean;
  current: boolean;
  moving: boolean;
  overflowing: boolean;
  dropEdge: 'before' | 'after' | null;
  figures: FigureMap;
  theme: Theme;
  deckTitle: string;
  onClick(id: string, e: MouseEvent): void;
  onOverflow(slide: Slide, overflows: boolean): void;
}

const SorterRow = memo(function SorterRow({ row, top, height, selected, current, moving, overflowing, dropEdge, figures, theme, deckTitle, onClick, onOverflow }: RowProps) {
  const t = useT();
  const style = { top, height };
  const edgeClass = dropEdge ? ` drop-${dropEdge}` : '';
  if (row.kind === 'header') {
    return (
      <div
        className={`sorter-row sorter-header${moving ? ' is-moving' : ''}${edgeClass}`}
        style={style}
        role="presentation"
        onClick={(e) => onClick(row.slide.id, e)}
      >
        <span className="sorter-header-text">{t('editor.sectionHeader', { n: row.number, cn: chineseNumeral(row.number), title: row.title || t('editor.untitled') })}</span>
      </div>
    );
  }
  const { slide, index } = row;
  const name = t('editor.slideName', { n: index + 1, title: row.title || t('editor.untitled') });
  return (
    <div
      id={optionId(slide.id)}
      role="option"
      aria-selected={selected}
      aria-label={name}
      aria-description={[slide.hidden ? t('editor.hidden') : '', overflowing ? t('editor.overflowFull') : ''].filter(Boolean).join(' · ') || undefined}
      title={overflowing ? t('editor.overflowFull') : undefined}
      className={[
        'sorter-row sorter-option',
        selected ? 'is-selected' : '',
        current ? 'is-current' : '',
        slide.hidden ? 'is-hidden' : '',
        moving ? 'is-moving' : '',
        edgeClass,
      ].join(' ')}
      style={style}
      data-slide-id={slide.id}
      onClick={(e) => onClick(slide.id, e)}
    >
      <span className="sorter-number" aria-hidden="true">
        {index + 1}
      </span>
      <Thumbnail slide={slide} figures={figures} theme={theme} number={index + 1} deckTitle={deckTitle} sectionNumber={row.sectionNumber} onOverflow={onOverflow} />
      <span className="sorter-flags" aria-hidden="true">
        {slide.hidden && <span className="sorter-flag flag-hidden" title={t('editor.hidden')}>{t('editor.hiddenShort')}</span>}
        {overflowing && <span className="sorter-flag flag-overflow">{t('editor.overflowShort')}</span>}
      </span>
    </div>
  );
});
