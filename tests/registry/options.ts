import { z } from 'zod'

/**
 * How the reference registry is started: every knob a test, a demo or a training session
 * needs, checked once so that a typo fails at start and not in the middle of a sync.
 */
export const RejectRuleSchema = z.discriminatedUnion('kind', [
  /** Refuse every file whose CIN starts with `value` (case-insensitive). */
  z.object({ kind: z.literal('cin-prefix'), value: z.string().min(1).max(20) }),
  /** Refuse every file of an artisan born before `value` (YYYY-MM-DD). */
  z.object({ kind: z.literal('birth-before'), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
])
export type RejectRule = z.infer<typeof RejectRuleSchema>

export interface RegistryOptions {
  /** 0 (the default) = any free port. */
  port?: number
  /** Folder of `registry.db`; created if missing. */
  dataDir: string
  /** How long a file waits for its decision; 0 = decided right after the push. Default 2000. */
  reviewDelayMs?: number
  rejectRules?: RejectRule[]
  /** Clients sending an older `X-Client-Version` get 426. Default '0.0.0'. */
  minClientVersion?: string
  maxPushBatch?: number
  maxPullPage?: number
  accessTokenTtlMs?: number
  /** How long a rotated refresh token is still accepted (once). Default 60 s. */
  refreshGraceMs?: number
  /** One line per request and per background failure; silent by default. */
  log?: (line: string) => void
}

const SettingsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  dataDir: z.string().min(1),
  reviewDelayMs: z.number().int().min(0).default(2000),
  rejectRules: z.array(RejectRuleSchema).default([]),
  minClientVersion: z
    .string()
    .regex(/^\d+(\.\d+)*$/)
    .default('0.0.0'),
  maxPushBatch: z.number().int().positive().default(500),
  maxPullPage: z.number().int().positive().default(1000),
  accessTokenTtlMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  refreshGraceMs: z.number().int().min(0).default(60_000),
})
export type Settings = z.infer<typeof SettingsSchema>

/** The options with their defaults; throws on a wrong value, naming it. */
export function resolveSettings(options: RegistryOptions): Settings {
  const { log: _log, ...rest } = options
  const parsed = SettingsSchema.safeParse(rest)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`registry option ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}
