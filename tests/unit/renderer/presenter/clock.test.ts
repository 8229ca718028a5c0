import { describe, expect, it } from 'vitest';
import {
  countdown,
  elapsedMs,
  formatClock,
  formatDuration,
  parseTargetMinutes,
  pauseStopwatch,
  resetStopwatch,
  startStopwatch,
  STOPPED,
  WARN_BEFORE_MS,
} from '../../../../renderer/src/presenter/clock.ts';

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_900)).toBe('0:07');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5_000)).toBe('0:00');
  });
});

describe('formatClock', () => {
  it('writes the wall clock as 24-hour HH:MM', () => {
    expect(formatClock(new Date(2024, 0, 1, 9, 5))).toBe('09:05');
    expect(formatClock(new Date(2024, 0, 1, 23, 59, 59))).toBe('23:59');
  });
});

describe('stopwatch', () => {
  it('counts only while running, across pauses, and resets', () => {
    let s = startStopwatch(STOPPED, 1_000);
    expect(elapsedMs(s, 4_000)).toBe(3_000);
    s = pauseStopwatch(s, 5_000);
    expect(elapsedMs(s, 60_000)).toBe(4_000);
    expect(startStopwatch(startStopwatch(s, 10_000), 12_000)).toEqual({ runningSince: 10_000, banked: 4_000 });
    s = startStopwatch(s, 10_000);
    expect(elapsedMs(s, 11_500)).toBe(5_500);
    expect(elapsedMs(resetStopwatch(s, 20_000), 21_000)).toBe(1_000); // running: restarts from zero
    expect(resetStopwatch(pauseStopwatch(s, 12_000), 13_000)).toEqual(STOPPED);
  });
});

describe('countdown', () => {
  const twenty = 20 * 60_000;
  it('shows the time left, rounded up, calm until the last two minutes', () => {
    expect(countdown(twenty, 0)).toEqual({ text: '20:00', level: 'ok' });
    expect(countdown(twenty, 1)).toEqual({ text: '20:00', level: 'ok' });
    expect(countdown(twenty, twenty - WARN_BEFORE_MS - 1)).toEqual({ text: '2:01', level: 'ok' });
    expect(countdown(twenty, twenty - WARN_BEFORE_MS)).toEqual({ text: '2:00', level: 'warn' });
    expect(countdown(twenty, twenty - 500)).toEqual({ text: '0:01', level: 'warn' });
    expect(countdown(twenty, twenty)).toEqual({ text: '0:00', level: 'warn' });
  });
  it('shows over-time counting up once the target has passed', () => {
    expect(countdown(twenty, twenty + 1)).toEqual({ text: '+0:01', level: 'over' });
    expect(countdown(twenty, twenty + 65_000)).toEqual({ text: '+1:05', level: 'over' });
  });
});

describe('parseTargetMinutes', () => {
  it('reads minutes as typed, with full-width digits, and refuses nonsense', () => {
    expect(parseTargetMinutes('20')).toBe(20);
    expect(parseTargetMinutes(' 7.5 ')).toBe(7.5);
    expect(parseTargetMinutes('１５')).toBe(15);
    expect(parseTargetMinutes('')).toBeNull();
    expect(parseTargetMinutes('0')).toBeNull();
    expect(parseTargetMinutes('-3')).toBeNull();
    expect(parseTargetMinutes('abc')).toBeNull();
    expect(parseTargetMinutes('9999')).toBeNull();
  });
});
