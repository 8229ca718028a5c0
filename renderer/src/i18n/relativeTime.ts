// “3分钟前”, “昨天”, “2023年3月5日”: when a deck was last touched, the way people say it.
import { langTag, type Lang } from './messages.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** A short relative date; within the last minute `justNow` is returned, beyond a week the calendar date. */
export function relativeTime(iso: string, now: Date, lang: Lang, justNow: string): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const diff = now.getTime() - then.getTime();
  const tag = langTag(lang);
  const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  if (diff < MINUTE && diff > -MINUTE) return justNow;
  if (diff > 0 && diff < HOUR) return rtf.format(-Math.floor(diff / MINUTE), 'minute');
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY);
  if (diff > 0 && days === 0) return rtf.format(-Math.floor(diff / HOUR), 'hour');
  if (days >= 1 && days < 7) return rtf.format(-days, 'day');
  const sameYear = then.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(tag, sameYear ? { month: 'long', day: 'numeric' } : { year: 'numeric', month: 'long', day: 'numeric' }).format(then);
}
