// 定稿: the SHA-256 of a deck's content, the value an approval records and every later reading is compared with.
// The content is what the audience and the files show: the slides in order (the cover carries the title), the figures,
// the pictures and the theme. The deck's name in the library is not content (a bundle opened next to its original gets
// a copy's name and must still match); times (updatedAt) and derived fields (a figure's display, a slide's section) are
// left out, so reading a deck never changes its hash and every edit does. An honest record, not a cryptographic signature.
import { createHash } from 'node:crypto';
import type { Asset, Figure, Slide } from '../common/model.ts';

export interface ApprovedContent {
  theme: string;
  slides: readonly Omit<Slide, 'section'>[];
  figures: readonly Omit<Figure, 'display' | 'updatedAt'>[];
  assets: readonly Pick<Asset, 'id' | 'mime' | 'caption' | 'credit' | 'displayId'>[];
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export function contentHash(c: ApprovedContent): string {
  const content = {
    theme: c.theme,
    slides: c.slides.map(({ id, layout, title, blocks, notes, hidden }) => ({ id, layout, title, blocks, notes, hidden })),
    figures: c.figures.map(({ key, label, value, unit, pattern, decimals, grouped, qualifier, direction, asOf, source }) => ({
      key, label, value, unit, pattern, decimals, grouped, qualifier, direction, asOf, source,
    })),
    assets: [...c.assets].map(({ id, mime, caption, credit, displayId }) => ({ id, mime, caption, credit, displayId: displayId ?? null })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
