// Figure extraction: every quantitative figure of a parsed report becomes a Figure with its source,
// so generated slides and notes can refer to it (`{fig:KEY}`) instead of copying its digits.
import type { Figure, ReportDoc, ReportParagraph } from '../../common/model.ts';
import { capLabel, findFigures, formatFigure, parseValueInput, sentenceAround, type FigureMatch } from '../../common/figures.ts';

export type ExtractedFigure = Omit<Figure, 'display' | 'updatedAt'>;

/** The paragraphs of a report in ReportDoc order: lead, each section's, closing. */
export function reportParagraphs(doc: ReportDoc): ReportParagraph[] {
  return [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
}

/** Words of a figure the report aims for rather than reports (“力争…增长6%左右”, “主要预期目标是：…”). */
const TARGET = /力争|目标|预期|确保|争取|计划/;
/** Parts of a report that set out the year ahead (“2024年工作思路”, “主要目标”). */
const TARGET_PART = /目标|思路|打算|安排|计划|展望|下一步/;

/** Where a figure stands in its report: the part it is in and the paragraph's words up to it. */
export interface FigureContext {
  part: string;
  /** The paragraph's opening lead-in (“主要预期目标是：”), or ''. */
  leadIn: string;
}

/**
 * Makes every label in the deck its own, telling figures apart by what they are, never by a number: a figure aimed
 * for is a target (“地区生产总值增长目标”); figures of different units say their unit (“报告法定传染病（例）”); figures
 * of different parts say their year (“2024年城镇新增就业”) or their part; the last resort is the figure as written.
 * Each pass renames only figures whose label is still shared, and only when that tells them apart.
 */
export function distinctLabels(figures: ExtractedFigure[], contextOf: (f: ExtractedFigure) => FigureContext): void {
  const isTarget = (f: ExtractedFigure) => {
    const c = contextOf(f);
    return TARGET.test(f.source?.sentence ?? '') || TARGET.test(c.leadIn) || TARGET_PART.test(c.part);
  };
  const partName = (f: ExtractedFigure) => {
    const part = contextOf(f).part;
    const year = /(\d{4})年/.exec(part);
    if (year) return `${year[1]}年`;
    // A long part title by its first phrase (“科技体制改革与创新生态” → “科技体制改革”).
    const phrase = /^(.{4,}?)(?:与|和|及|、|，|的)/.exec(part);
    return part.length <= 10 ? part : (phrase?.[1] ?? part).slice(0, 10);
  };
  // Each pass names every figure of a shared label, or null where it has nothing to add.
  const passes: ((shared: readonly ExtractedFigure[]) => (string | null)[])[] = [
    (shared) => shared.map((f) => (isTarget(f) ? `${f.label}目标` : null)),
    (shared) => {
      if (new Set(shared.map((o) => o.unit)).size < 2) return shared.map(() => null);
      return shared.map((f) => (f.unit ? `${f.label}（${f.unit}）` : null));
    },
    (shared) => {
      const parts = shared.map(partName);
      if (new Set(parts).size < 2) return shared.map(() => null);
      return shared.map((f, i) => {
        const part = parts[i]!;
        if (!part) return null;
        return /^\d{4}年$/.test(part) ? `${part}${f.label}` : `${f.label}（${part}）`;
      });
    },
    (shared) => shared.map((f) => `${f.label}（${formatFigure(f)}）`),
  ];
  for (const pass of passes) {
    const byLabel = new Map<string, ExtractedFigure[]>();
    for (const f of figures) {
      const list = byLabel.get(f.label);
      if (list) list.push(f);
      else byLabel.set(f.label, [f]);
    }
    for (const shared of byLabel.values()) {
      if (shared.length < 2) continue;
      const renamed = pass(shared);
      // A pass that would rename every one of them the same way tells nothing apart.
      if (renamed.every((r) => r !== null) && new Set(renamed).size === 1) continue;
      shared.forEach((f, i) => {
        const r = renamed[i];
        if (r) f.label = capLabel(r);
      });
    }
  }
}

/** A unit written in a header, in brackets at its end: “规上工业总产值（亿元）”, “2023年（家）”, “数量（个）”. */
const HEADER_UNIT = /[（(]\s*([^（）()]{1,8}?)\s*[）)]\s*$/;
const BARE_NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A header's words without its unit and without “其中”: what the column or row is about. */
function headerWords(cell: string): string {
  return cell.replace(HEADER_UNIT, '').replace(/^其中/, '').trim();
}

/**
 * The figures of a table paragraph, read cell by cell (the header row holds no figures: its years are column names).
 * A cell that writes its unit (“11.2%”, “提高0.5个百分点”) is read as text is; a bare number (“812.4”) takes the unit
 * its row or column header names in brackets, and is no figure when neither does. Each figure is labelled by its row
 * and its column (“2023年规上工业总产值”, “规上工业总产值增幅”). Positions are in the paragraph's text (tableText).
 */
function tableFigures(text: string): { match: FigureMatch; line: string }[] {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').split('\t');
  const out: { match: FigureMatch; line: string }[] = [];
  let offset = (lines[0] ?? '').length + 1;
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    const rowLabel = headerWords(cells[0] ?? '');
    let at = offset;
    cells.forEach((cell, col) => {
      const start = at;
      at += cell.length + 1;
      if (col === 0) return;
      const column = headerWords(header[col] ?? '');
      const year = /^\d{4}年度?$/.test(column);
      const label = capLabel(year ? column + rowLabel : rowLabel + column);
      const trimmed = cell.trim();
      if (BARE_NUMBER.test(trimmed)) {
        const unit = HEADER_UNIT.exec(header[col] ?? '')?.[1] ?? HEADER_UNIT.exec(cells[0] ?? '')?.[1];
        const typed = parseValueInput(trimmed);
        if (!unit || !typed) return;
        const from = start + cell.indexOf(trimmed);
        const match: FigureMatch = { start: from, end: from + trimmed.length, text: trimmed, ...typed, unit: unit === '％' ? '%' : unit, pattern: '{v}', qualifier: '', direction: '', label };
        out.push({ match, line });
        return;
      }
      for (const m of findFigures(cell)) out.push({ match: { ...m, start: start + m.start, end: start + m.end, label }, line });
    });
    offset += line.length + 1;
  }
  return out;
}

/**
 * The figures of a report in document order, keyed `f1`, `f2`, … (stable for the same report), each with a label of
 * its own. `source.start..end` is a range of the paragraph's text, and formatFigure(figure) reproduces it exactly;
 * a table's figures are its cells' (the paragraph's text is the table's, see tableText), their sentence their row.
 */
export function extractFigures(doc: ReportDoc): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  const parts = new Map<number, string>();
  for (const s of doc.sections) for (const p of s.paragraphs) parts.set(p.index, s.title);
  const leadIns = new Map<number, string>();
  for (const p of reportParagraphs(doc)) {
    const leadIn = /^[^。；：]{0,30}：/.exec(p.text);
    if (leadIn) leadIns.set(p.index, leadIn[0]);
    const found = p.table ? tableFigures(p.text) : findFigures(p.text).map((match) => ({ match, line: null }));
    for (const { match: m, line } of found) {
      figures.push({
        key: `f${figures.length + 1}`,
        label: m.label,
        value: m.value,
        unit: m.unit,
        pattern: m.pattern,
        decimals: m.decimals,
        grouped: m.grouped,
        qualifier: m.qualifier,
        direction: m.direction,
        asOf: null,
        source: { paragraph: p.index, start: m.start, end: m.end, sentence: line ?? sentenceAround(p.text, m.start, m.end) },
      });
    }
  }
  distinctLabels(figures, (f) => ({ part: parts.get(f.source?.paragraph ?? -1) ?? '', leadIn: leadIns.get(f.source?.paragraph ?? -1) ?? '' }));
  return figures;
}

/** Figures grouped by the paragraph they come from, in order: a long report has thousands of both, so no per-paragraph scans. */
export function figuresByParagraph(list: readonly ExtractedFigure[]): Map<number, ExtractedFigure[]> {
  const out = new Map<number, ExtractedFigure[]>();
  for (const f of list) {
    if (!f.source) continue;
    const at = out.get(f.source.paragraph);
    if (at) at.push(f);
    else out.set(f.source.paragraph, [f]);
  }
  return out;
}

/** The paragraph's text with each of its figures replaced by a reference, `{fig:KEY}`. */
export function paragraphWithRefs(p: ReportParagraph, figures: readonly ExtractedFigure[]): string {
  const own = figures.filter((f) => f.source?.paragraph === p.index).sort((a, b) => a.source!.start - b.source!.start);
  let out = '';
  let last = 0;
  for (const f of own) {
    out += p.text.slice(last, f.source!.start) + `{fig:${f.key}}`;
    last = f.source!.end;
  }
  return out + p.text.slice(last);
}
