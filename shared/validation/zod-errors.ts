import type { z } from 'zod'
import type { ErrorParams, FieldError } from '../errors'

/**
 * Turns zod issues into field errors carrying i18n keys. Schemas name a key
 * (`validation.phone`) where the rule is specific; generic rules (too short, missing,
 * wrong type) get a key derived from the issue, with its limits as parameters.
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

export function fieldErrorsFromZod(error: z.ZodError, input: unknown): FieldError[] {
  const seen = new Set<string>()
  const fields: FieldError[] = []
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    if (seen.has(path)) continue // one message per field: the first rule that failed
    seen.add(path)
    fields.push({ path, ...keyFor(issue, valueAt(input, issue.path)) })
  }
  return fields
}

function keyFor(issue: z.core.$ZodIssue, value: unknown): { key: string; params?: ErrorParams } {
  // A rule of our own (a cross-field check) knows best what to say, even for a blank field.
  if (issue.code === 'custom' && issue.message.startsWith('validation.'))
    return issue.params
      ? { key: issue.message, params: issue.params as ErrorParams }
      : { key: issue.message }
  if (isBlank(value) && issue.code !== 'unrecognized_keys') return { key: 'validation.required' }
  if (issue.message.startsWith('validation.')) return { key: issue.message }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? { key: 'validation.too_short', params: { min: Number(issue.minimum) } }
        : { key: 'validation.too_small', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'validation.too_long', params: { max: Number(issue.maximum) } }
        : { key: 'validation.too_big', params: { max: Number(issue.maximum) } }
    case 'unrecognized_keys':
      return { key: 'validation.unknown_field', params: { fields: issue.keys.join(', ') } }
    case 'invalid_value':
      return { key: 'validation.choice' }
    default:
      return { key: 'validation.invalid' }
  }
}
