import { z } from 'zod'

/**
 * What can go wrong between a desk and the registry, on demand: slowness, outages, rate
 * limits, answers lost after the work was done, pages delivered twice, tokens that expire
 * early. Set on `registry.faults` or with `POST /admin/faults`; all off by default.
 */
export const FaultSettingsSchema = z.object({
  /** Every /v1 response waits this long (after the work is done). */
  latencyMs: z.number().int().min(0).max(120_000),
  /** Every Nth /v1 request (not /v1/info) answers 503 with `Retry-After: 1`; 0 = never. */
  fail5xxEvery: z.number().int().min(0),
  /** Every Nth /v1 request (not /v1/info) answers 429 with `Retry-After`; 0 = never. */
  rateLimitEvery: z.number().int().min(0),
  retryAfterSeconds: z.number().int().min(0).max(3600),
  /** Every Nth push or pull is done, then its connection cut halfway through the answer. */
  dropEvery: z.number().int().min(0),
  /** Pull pages start again with the previous page's last change. */
  duplicateDeliveries: z.boolean(),
  /** One-shot: every access token expires now (reset to false once done). */
  expireTokens: z.boolean(),
})
export type FaultSettings = z.infer<typeof FaultSettingsSchema>

export const FaultPatchSchema = FaultSettingsSchema.partial().strict()

export const noFaults = (): FaultSettings => ({
  latencyMs: 0,
  fail5xxEvery: 0,
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  dropEvery: 0,
  duplicateDeliveries: false,
  expireTokens: false,
})

/**
 * Counts requests for the "every Nth" faults. A counter starts when its fault is set (or
 * set to another N, or reset by the admin endpoint), so the Nth request after that is hit.
 */
export class FaultCounters {
  private readonly counters = new Map<string, { every: number; count: number }>()

  hit(name: string, every: number): boolean {
    if (!every) {
      this.counters.delete(name)
      return false
    }
    let counter = this.counters.get(name)
    if (!counter || counter.every !== every) {
      counter = { every, count: 0 }
      this.counters.set(name, counter)
    }
    counter.count += 1
    return counter.count % every === 0
  }

  reset(name: string): void {
    this.counters.delete(name)
  }
}
