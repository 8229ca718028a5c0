// Figure extraction: every quantitative figure of a parsed report becomes a Figure with its source,
// so generated slides and notes can refer to it (`{fig:KEY}`) instead of copying its digits.
import type { Figure, ReportDoc, ReportParagraph } from '../../common/model.ts';
import { capLabel, findFigures, formatFigure, sentenceAround } from '../../common/figures.ts';

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
  const passes: ((f: ExtractedFigure, shared: ExtractedFigure[]) => string | null)[] = [
    (f) => (isTarget(f) ? `${f.label}目标` : null),
    (f, shared) => (new Set(shared.map((o) => o.unit)).size > 1 && f.unit ? `${f.label}（${f.unit}）` : null),
    (f, shared) => {
      const part = partName(f);
      if (!part || new Set(shared.map(partName)).size < 2) return null;
      return /^\d{4}年$/.test(part) ? `${part}${f.label}` : `${f.label}（${part}）`;
    },
    (f) => `${f.label}（${formatFigure(f)}）`,
  ];
  for (const pass of passes) {
    const byLabel = new Map<string, ExtractedFigure[]>();
    for (const f of figures) byLabel.set(f.label, [...(byLabel.get(f.label) ?? []), f]);
    for (const shared of byLabel.values()) {
      if (shared.length < 2) continue;
      const renamed = shared.map((f) => pass(f, shared));
      // A pass that would rename every one of them the same way tells nothing apart.
      if (renamed.every((r) => r !== null) && new Set(renamed).size === 1) continue;
      shared.forEach((f, i) => {
        const r = renamed[i];
        if (r) f.label = capLabel(r);
      });
    }
  }
}

/**
 * The figures of a report in document order, keyed `f1`, `f2`, … (stable for the same report), each with a label of
 * its own. `source.start..end` is a range of the paragraph's text, and formatFigure(figure) reproduces it exactly.
 */
export function extractFigures(doc: ReportDoc): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  const parts = new Map<number, string>();
  for (const s of doc.sections) for (const p of s.paragraphs) parts.set(p.index, s.title);
  const leadIns = new Map<number, string>();
  for (const p of reportParagraphs(doc)) {
    const leadIn = /^[^。；：]{0,30}：/.exec(p.text);
    if (leadIn) leadIns.set(p.index, leadIn[0]);
    for (const m of findFigures(p.text)) {
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
        source: { paragraph: p.index, start: m.start, end: m.end, sentence: sentenceAround(p.text, m.start, m.end) },
      });
    }
  }
  distinctLabels(figures, (f) => ({ part: parts.get(f.source?.paragraph ?? -1) ?? '', leadIn: leadIns.get(f.source?.paragraph ?? -1) ?? '' }));
  return figures;
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
