import type { z } from 'zod'
import type { CliIO } from './command'

/**
 * A list's filter from command-line flags (`--commune 09.123` → `communeCode`), checked by
 * the same schema the screens use; a wrong value is said by the flag it came from.
 */
export function filterFromFlags<S extends z.ZodType>(
  values: Record<string, unknown>,
  flags: Record<string, string>,
  schema: S,
  io: CliIO,
): z.output<S> | null {
  const raw = Object.fromEntries(
    Object.entries(flags).flatMap(([flag, key]) => (values[flag] ? [[key, values[flag]]] : [])),
  )
  const filter = schema.safeParse(raw)
  if (filter.success) return filter.data
  io.err(`Invalid filter: ${filter.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  return null
}
