// Time on the presenter console: the elapsed-time stopwatch (start, pause, reset), the wall clock and the countdown
// to a target length. Pure functions of `now` (milliseconds), so they are tested without waiting.

export interface Stopwatch {
  /** When the running stretch began (ms), or null while paused. */
  runningSince: number | null;
  /** Time counted before the running stretch. */
  banked: number;
}

export const STOPPED: Stopwatch = { runningSince: null, banked: 0 };

export function elapsedMs(s: Stopwatch, now: number): number {
  return s.banked + (s.runningSince === null ? 0 : Math.max(0, now - s.runningSince));
}
export function startStopwatch(s: Stopwatch, now: number): Stopwatch {
  return s.runningSince === null ? { runningSince: now, banked: s.banked } : s;
}
export function pauseStopwatch(s: Stopwatch, now: number): Stopwatch {
  return s.runningSince === null ? s : { runningSince: null, banked: elapsedMs(s, now) };
}
export function resetStopwatch(s: Stopwatch, now: number): Stopwatch {
  // A reset while running starts again from zero; while paused it stays paused at zero.
  return s.runningSince === null ? STOPPED : { runningSince: now, banked: 0 };
}

/** 0:07, 12:34, 1:02:03 — whole seconds, never negative. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The wall clock as a 24-hour “14:05”. */
export function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The gentle warning starts when this much time is left. */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

export type CountdownLevel = 'ok' | 'warn' | 'over';

/** Time left to a target length: “12:00” while there is time, “+1:05” once over; the level colours it. */
export function countdown(targetMs: number, elapsed: number): { text: string; level: CountdownLevel } {
  const left = targetMs - elapsed;
  if (left < 0) {
    // Over time counts up from the first whole second past the target (so 0:00 is never shown as over).
    return { text: `+${formatDuration(-left + 999)}`, level: 'over' };
  }
  // Remaining time is rounded up, so “0:01” shows until the very end.
  return { text: formatDuration(left + 999), level: left <= WARN_BEFORE_MS ? 'warn' : 'ok' };
}

/** Reads the target length as typed, in minutes (“20”, “7.5”, “１５”); null when empty or not a sensible length. */
export function parseTargetMinutes(input: string): number | null {
  const text = input.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text);
  return minutes > 0 && minutes <= 600 ? minutes : null;
}
