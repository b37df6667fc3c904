import { appError } from '@shared/errors'
import { CONTROL_CHARACTER_KEY, findForbiddenChar, stripMarks } from '@shared/text/control-chars'

/**
 * Every text an API call carries, at any depth, before its schema reads it: a control
 * character or a bidi override is refused, naming the field and the character; the
 * invisible marks copy-paste drags along are removed (docs/validation.md). One rule for
 * every transport (IPC, HTTP, the command line), whatever each method's schema says.
 *
 * Passwords are checked but never changed (a removed mark would change the secret), and
 * a method's content fields (an imported file's text or bytes) are left to the service
 * that reads them row by row.
 */
const SECRET = /^(password|current|next|recoveryCode)$/

export function screenInput(input: unknown, contentFields: readonly string[] = []): unknown {
  const skip = new Set(contentFields)
  const walk = (value: unknown, path: string[]): unknown => {
    if (typeof value === 'string') {
      const bad = findForbiddenChar(value)
      if (bad) {
        const field = path.join('.')
        throw appError('validation', 'errors.validation', undefined, [
          {
            path: field,
            key: CONTROL_CHARACTER_KEY,
            params: { char: bad.code, position: bad.index + 1 },
          },
        ])
      }
      return SECRET.test(path[path.length - 1] ?? '') ? value : stripMarks(value)
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, String(i)]))
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [key, v] of Object.entries(value)) {
        out[key] = path.length === 0 && skip.has(key) ? v : walk(v, [...path, key])
      }
      return out
    }
    return value
  }
  return walk(input, [])
}
