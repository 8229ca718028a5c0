// Figure extraction: every quantitative figure of a parsed report becomes a Figure with its source,
// so generated slides and notes can refer to it (`{fig:KEY}`) instead of copying its digits.
import type { Figure, ReportDoc, ReportParagraph } from '../../common/model.ts';
import { findFigures, sentenceAround } from '../../common/figures.ts';

export type ExtractedFigure = Omit<Figure, 'display' | 'updatedAt'>;

/** The paragraphs of a report in ReportDoc order: lead, each section's, closing. */
export function reportParagraphs(doc: ReportDoc): ReportParagraph[] {
  return [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
}

/**
 * The figures of a report in document order, keyed `f1`, `f2`, … (stable for the same report).
 * `source.start..end` is a range of the paragraph's text, and formatFigure(figure) reproduces it exactly.
 */
export function extractFigures(doc: ReportDoc): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  for (const p of reportParagraphs(doc)) {
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
