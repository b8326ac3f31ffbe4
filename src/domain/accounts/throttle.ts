// Login throttling: after repeated failures for one key (e-mail or client address hash) within a
// window, further attempts are refused until the window passes. Pure: attempts and "now" are inputs.

export interface ThrottlePolicy {
  /** Failures allowed within the window before locking. */
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

export interface Attempt {
  at: number;
  success: boolean;
}

export interface ThrottleDecision {
  allowed: boolean;
  /** When refused: milliseconds until the next attempt is allowed. */
  retryAfterMs: number;
}

/**
 * Counts failures since the last success inside the window; locks when they reach the maximum,
 * until the oldest counted failure leaves the window.
 */
export function checkThrottle(
  attempts: Attempt[],
  now: number,
  policy = DEFAULT_THROTTLE,
): ThrottleDecision {
  const since = now - policy.windowMs;
  const recent = attempts.filter((a) => a.at > since).sort((a, b) => a.at - b.at);
  const lastSuccess = recent.findLastIndex((a) => a.success);
  const failures = recent.slice(lastSuccess + 1).filter((a) => !a.success);
  if (failures.length < policy.maxFailures) return { allowed: true, retryAfterMs: 0 };
  const oldest = failures[failures.length - policy.maxFailures];
  return { allowed: false, retryAfterMs: Math.max(0, (oldest?.at ?? now) + policy.windowMs - now) };
}

/** Russian text for a refused login. */
export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Слишком много неудачных попыток входа. Повторите через ${minutes} мин.`;
}
