// The colours of each slide theme, for exports that cannot use the CSS (PPTX). They are the custom properties
// of assets/themes/<theme>.css (`--hb-bg`, `--hb-ink` …): change both together. Hex without '#', as Office wants it.
import type { Theme } from './model.ts';

export interface ThemePalette {
  /** Content slide background and text. */
  background: string;
  /** The title band of content slides (null: no band, the title sits on the background) and its text. */
  headBackground: string | null;
  headInk: string;
  /** The line under the title band. */
  headRule: string;
  /** The card behind a figure callout. */
  calloutBackground: string;
  ink: string;
  /** Secondary text: sub-bullets, labels, footers. */
  ink2: string;
  /** Bullet markers, title rules, agenda numbers. */
  accent: string;
  accent2: string;
  /** Figure values. */
  figure: string;
  /** Title, section and closing slides. */
  coverBackground: string;
  coverInk: string;
  coverInk2: string;
  /** The series of a chart, in order (charts.ts seriesColors): the first is the theme's accent. */
  chart: readonly string[];
}

export const THEME_PALETTES: Record<Theme, ThemePalette> = {
  // Official: deep red and gold on paper (assets/themes/official.css).
  official: {
    background: 'FBF8F1',
    headBackground: 'A11D1D',
    headInk: 'FFFAF0',
    headRule: 'C79A3A',
    calloutBackground: 'FFFFFF',
    ink: '231C17',
    ink2: '5C4F44',
    accent: 'A11D1D',
    accent2: 'C79A3A',
    figure: 'A11D1D',
    coverBackground: '9E1B1B',
    coverInk: 'FFFAF0',
    coverInk2: 'F2D58C',
    chart: ['A11D1D', 'C79A3A', '5C4F44', 'D9825B', '8C6D46', 'B3A394'],
  },
  light: {
    background: 'FFFFFF',
    headBackground: null,
    headInk: '0F172A',
    headRule: 'E2E8F0',
    calloutBackground: 'F8FAFC',
    ink: '0F172A',
    ink2: '475569',
    accent: '2563EB',
    accent2: '60A5FA',
    figure: '1D4ED8',
    coverBackground: 'F1F5FB',
    coverInk: '0F172A',
    coverInk2: '334155',
    chart: ['2563EB', '60A5FA', '0F766E', 'F59E0B', '64748B', '9333EA'],
  },
  // High contrast for washed-out projectors: black, white and yellow.
  contrast: {
    background: '000000',
    headBackground: null,
    headInk: 'FFD400',
    headRule: 'FFD400',
    calloutBackground: '000000',
    ink: 'FFFFFF',
    ink2: 'FFFFFF',
    accent: 'FFD400',
    accent2: 'FFD400',
    figure: 'FFD400',
    coverBackground: '000000',
    coverInk: 'FFFFFF',
    coverInk2: 'FFD400',
    chart: ['FFD400', 'FFFFFF', '00E5FF', 'FF8A00', '9EFF00', 'FF5C8A'],
  },
};

/** The typeface named for every run of text in exported files, Latin and East Asian alike. */
export const EXPORT_FONT = 'Microsoft YaHei';
