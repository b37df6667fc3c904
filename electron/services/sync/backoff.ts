/**
 * When to try an operation again after a retryable failure: exponential backoff with full
 * jitter (a random wait between zero and the cap for this attempt), so that desks coming
 * back online together do not knock on the registry in step; never sooner than the
 * registry's `Retry-After`.
 */
const BASE_MS = 2_000
const CAP_MS = 15 * 60_000

export function backoffMs(attempt: number, retryAfterMs?: number, random = Math.random): number {
  const cap = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempt, 20))
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * cap))
}
