// The library's list: search by the words of a title (any order, full-width folded), sort by change, creation or name
// (pinyin order for Chinese titles).
import { describe, expect, it } from 'vitest';
import type { DeckSummary } from '../../../../decks/common/model.ts';
import { arrangeDecks } from '../../../../renderer/src/library/deckList.ts';

const deck = (title: string, createdAt: string, updatedAt: string, deletedAt: string | null = null): DeckSummary => ({ id: title, title, theme: 'official', slides: 1, createdAt, updatedAt, deletedAt });
const decks = [deck('中期报告 第10季度', '2024-01-01', '2024-03-05'), deck('北区简报 第2季度', '2024-01-02', '2024-03-01'), deck('上虞 PPT 汇报', '2024-01-03', '2024-03-02')];
const titles = (list: DeckSummary[]) => list.map((d) => d.title);

describe('the library list', () => {
  it('sorts by last change, by creation, or by name in pinyin order', () => {
    expect(titles(arrangeDecks(decks, { query: '', sort: 'updated', trash: false }))).toEqual(['中期报告 第10季度', '上虞 PPT 汇报', '北区简报 第2季度']);
    expect(titles(arrangeDecks(decks, { query: '', sort: 'created', trash: false }))).toEqual(['上虞 PPT 汇报', '北区简报 第2季度', '中期报告 第10季度']);
    expect(titles(arrangeDecks(decks, { query: '', sort: 'name', trash: false }))).toEqual(['北区简报 第2季度', '上虞 PPT 汇报', '中期报告 第10季度']);
    // Numbers inside names by value.
    const quarters = [deck('第10季度', 'a', 'a'), deck('第2季度', 'b', 'b')];
    expect(titles(arrangeDecks(quarters, { query: '', sort: 'name', trash: false }))).toEqual(['第2季度', '第10季度']);
  });

  it('finds every word of the query in any order, ignoring case, spaces and full-width letters', () => {
    expect(titles(arrangeDecks(decks, { query: '汇报 上虞', sort: 'name', trash: false }))).toEqual(['上虞 PPT 汇报']);
    expect(titles(arrangeDecks(decks, { query: 'ｐｐｔ', sort: 'name', trash: false }))).toEqual(['上虞 PPT 汇报']);
    expect(titles(arrangeDecks(decks, { query: '季度', sort: 'name', trash: false }))).toEqual(['北区简报 第2季度', '中期报告 第10季度']);
    expect(arrangeDecks(decks, { query: '没有', sort: 'name', trash: false })).toEqual([]);
  });

  it('in the trash, shows the most recently deleted first unless sorted by name', () => {
    const trash = [deck('甲', 'a', 'a', '2024-05-01'), deck('乙', 'b', 'b', '2024-06-01')];
    expect(titles(arrangeDecks(trash, { query: '', sort: 'updated', trash: true }))).toEqual(['乙', '甲']);
    expect(titles(arrangeDecks(trash, { query: '', sort: 'name', trash: true }))).toEqual(['甲', '乙']);
  });
});
