/** Waits after the 1st, 2nd… failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h. */
export const WEBHOOK_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** The first attempt plus one retry per backoff step. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;

/** When to try again after `attempts` failed attempts; null means give up. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  const wait = WEBHOOK_BACKOFF_MS[attempts - 1];
  if (attempts >= WEBHOOK_MAX_ATTEMPTS || wait === undefined) return null;
  return new Date(now.getTime() + wait);
}

/** Answers that count as delivered. A redirect does not: webhooks are not followed elsewhere. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}
