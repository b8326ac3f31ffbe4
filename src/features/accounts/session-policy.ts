// How long a session lives (pure; no clock of its own). A session ends after IDLE_MS without
// requests (sliding) and in any case ABSOLUTE_MS after sign-in, so a stolen cookie does not live
// forever. lastSeenAt is written at most once per TOUCH_MS to keep page views read-only.

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60_000;
export const SESSION_TOUCH_MS = 5 * 60_000;

/** The expiry of a session created at `createdAt` and last seen at `lastSeenAt`. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(
    Math.min(lastSeenAt.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS),
  );
}

/** Should this request write lastSeenAt (and slide the expiry)? */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

/** Per-address throttling is looser than per-e-mail: many people may share one address (NAT). */
export const IP_THROTTLE = { maxFailures: 30, windowMs: 15 * 60_000 } as const;
