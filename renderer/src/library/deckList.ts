// The library's list of decks as shown: filtered by what is typed in the search box and sorted as chosen. Pure.
import type { DeckSummary } from '../../../decks/common/model.ts';

export const DECK_SORTS = ['updated', 'created', 'name'] as const;
export type DeckSort = (typeof DECK_SORTS)[number];

export function isDeckSort(value: unknown): value is DeckSort {
  return typeof value === 'string' && (DECK_SORTS as readonly string[]).includes(value);
}

/** Chinese titles in the order a reader expects (pinyin), numbers by value: “第2季度” before “第10季度”. */
const collator = new Intl.Collator(['zh-Hans-CN-u-co-pinyin', 'zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

/** Lower case, full-width letters and digits folded to ASCII, spaces ignored: “ＰＰＴ 汇报” finds “ppt汇报”. */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * The decks to show: those whose title holds every word of `query` (in any order), sorted newest change first, newest
 * creation first, or by name; in the trash, most recently deleted first unless sorted by name.
 */
export function arrangeDecks(decks: readonly DeckSummary[], opts: { query: string; sort: DeckSort; trash: boolean }): DeckSummary[] {
  const words = opts.query.split(/\s+/).map(folded).filter(Boolean);
  const shown = words.length === 0 ? [...decks] : decks.filter((d) => words.every((w) => folded(d.title).includes(w)));
  const newest = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1);
  return shown.sort((a, b) => {
    if (opts.sort === 'name') return collator.compare(a.title, b.title) || newest(a.updatedAt, b.updatedAt);
    if (opts.trash) return newest(a.deletedAt ?? '', b.deletedAt ?? '');
    return opts.sort === 'created' ? newest(a.createdAt, b.createdAt) : newest(a.updatedAt, b.updatedAt);
  });
}
