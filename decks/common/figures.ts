// Figures as Chinese reports write them: formatting a value back into its pattern, and reading a value the user typed.
import type { Figure } from './model.ts';
import { FIGURE_REF } from './model.ts';

/** Formats a number with the figure's decimals and grouping: 1286.4 → “1,286.4”. */
export function formatNumber(value: number, decimals: number, grouped: boolean): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return (value < 0 ? '-' : '') + intText + (frac ? '.' + frac : '');
}

/** The figure as shown on a slide: “约4.38亿元”, “20余家”, “第33位”, “2.3万人左右”. */
export function formatFigure(f: Pick<Figure, 'value' | 'pattern' | 'decimals' | 'grouped' | 'qualifier'>): string {
  let number = formatNumber(f.value, f.decimals, f.grouped);
  if (f.qualifier === '余') number += '余';
  const body = f.pattern.replace('{v}', number);
  switch (f.qualifier) {
    case '约':
    case '超':
    case '近':
    case '逾':
      return f.qualifier + body;
    case '左右':
      return body + '左右';
    default:
      return body;
  }
}

/** Reads a value as a person types it (“5.8”, “1,286.4”, “ 2500 ”, full-width digits); null when it is not a number. */
export function parseValueInput(input: string): { value: number; decimals: number; grouped: boolean } | null {
  const text = input
    .trim()
    .replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return null;
  const grouped = text.includes(',');
  const plain = text.replace(/,/g, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  const dot = plain.indexOf('.');
  return { value, decimals: dot < 0 ? 0 : Math.min(6, plain.length - dot - 1), grouped };
}

/** A piece of inline text: plain text, or a reference to a figure. */
export type TextRun = { kind: 'text'; text: string } | { kind: 'figure'; key: string };

/** Splits text holding `{fig:KEY}` references into runs, so a renderer can show each figure's current value. */
export function splitFigureRefs(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(FIGURE_REF)) {
    if (m.index > last) runs.push({ kind: 'text', text: text.slice(last, m.index) });
    runs.push({ kind: 'figure', key: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) });
  return runs;
}

/** The keys a text refers to, in order, without repeats. */
export function figureKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIGURE_REF)].map((m) => m[1]!))];
}

/** Text with every reference replaced by the figure's current display (unknown keys are shown as “[?]”). */
export function resolveFigureRefs(text: string, figures: ReadonlyMap<string, Pick<Figure, 'display'>>): string {
  return text.replace(FIGURE_REF, (_, key: string) => figures.get(key)?.display ?? '[?]');
}
