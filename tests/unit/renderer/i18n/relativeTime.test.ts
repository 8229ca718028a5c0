import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../renderer/src/i18n/relativeTime.ts';

const now = new Date(2024, 2, 15, 14, 30); // 15 March 2024, 14:30 local time
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;

describe('relativeTime', () => {
  it('says “just now” within a minute', () => {
    expect(relativeTime(ago(20_000), now, 'zh', '刚刚')).toBe('刚刚');
    expect(relativeTime(ago(20_000), now, 'en', 'just now')).toBe('just now');
  });
  it('counts minutes and hours the Chinese way', () => {
    expect(relativeTime(ago(5 * MIN), now, 'zh', '刚刚')).toBe('5分钟前');
    expect(relativeTime(ago(3 * 60 * MIN), now, 'zh', '刚刚')).toBe('3小时前');
    expect(relativeTime(ago(5 * MIN), now, 'en', 'just now')).toBe('5 minutes ago');
  });
  it('says yesterday and days ago by calendar day', () => {
    expect(relativeTime(new Date(2024, 2, 14, 23, 50).toISOString(), now, 'zh', '刚刚')).toBe('昨天');
    expect(relativeTime(new Date(2024, 2, 12, 9, 0).toISOString(), now, 'zh', '刚刚')).toBe('3天前');
    expect(relativeTime(new Date(2024, 2, 14, 9, 0).toISOString(), now, 'en', 'just now')).toBe('yesterday');
  });
  it('gives the date beyond a week, with the year only when it differs', () => {
    expect(relativeTime(new Date(2024, 0, 5, 9, 0).toISOString(), now, 'zh', '刚刚')).toBe('1月5日');
    expect(relativeTime(new Date(2023, 10, 20, 9, 0).toISOString(), now, 'zh', '刚刚')).toBe('2023年11月20日');
    expect(relativeTime(new Date(2023, 10, 20, 9, 0).toISOString(), now, 'en', 'just now')).toBe('November 20, 2023');
  });
  it('returns what it cannot read as it is', () => {
    expect(relativeTime('not a date', now, 'zh', '刚刚')).toBe('not a date');
  });
});
