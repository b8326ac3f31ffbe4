import { describe, expect, it } from 'vitest';
import { checkThrottle, throttleMessage, type Attempt } from './throttle.ts';

const MIN = 60_000;
const fails = (...ats: number[]): Attempt[] => ats.map((at) => ({ at, success: false }));

describe('login throttle', () => {
  it.each<[string, Attempt[], number, boolean, number]>([
    ['no attempts', [], 100 * MIN, true, 0],
    ['four failures', fails(1, 2, 3, 4).map((a) => ({ ...a, at: a.at * MIN })), 10 * MIN, true, 0],
    [
      'five failures lock',
      fails(1, 2, 3, 4, 5).map((a) => ({ ...a, at: a.at * MIN })),
      10 * MIN,
      false,
      6 * MIN,
    ],
    [
      'lock ends when the oldest leaves the window',
      fails(1, 2, 3, 4, 5).map((a) => ({ ...a, at: a.at * MIN })),
      16 * MIN + 1,
      true,
      0,
    ],
    [
      'a success resets the count',
      [
        ...fails(1, 2, 3, 4).map((a) => ({ ...a, at: a.at * MIN })),
        { at: 5 * MIN, success: true },
        { at: 6 * MIN, success: false },
      ],
      7 * MIN,
      true,
      0,
    ],
  ])('%s', (_n, attempts, now, allowed, retry) => {
    const d = checkThrottle(attempts, now);
    expect(d.allowed).toBe(allowed);
    expect(d.retryAfterMs).toBe(retry);
  });

  it('speaks Russian', () => {
    expect(throttleMessage(61_000)).toBe(
      'Слишком много неудачных попыток входа. Повторите через 2 мин.',
    );
  });
});
