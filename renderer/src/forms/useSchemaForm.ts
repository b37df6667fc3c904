import { useCallback, useMemo, useState } from 'react'
import type { z } from 'zod'
import { errorDataOf, type AppErrorData, type FieldError } from '@shared/errors'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'

/**
 * Form state validated by the same zod schema the router uses, so a message seen while
 * typing is the one the desk would return. A field shows its error once touched (or after
 * a submit); the router's field errors are shown the same way until the field changes.
 */
export interface SchemaFormOptions<V, R> {
  initial: V
  schema: z.ZodType
  toRequest: (values: V) => R
  /** The error path of a form field in the request (e.g. `deskName` → `deskName`). */
  pathOf: (field: keyof V & string) => string
  /** Tidies a field when it loses focus (e.g. formats a phone number). */
  onBlurFormat?: Partial<{ [K in keyof V]: (value: V[K]) => V[K] }>
}

export function useSchemaForm<V extends object, R>(options: SchemaFormOptions<V, R>) {
  const { schema, toRequest, pathOf, onBlurFormat } = options
  const [values, setValues] = useState<V>(options.initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [serverFields, setServerFields] = useState<FieldError[]>([])
  const [failure, setFailure] = useState<AppErrorData | null>(null)
  const [submitted, setSubmitted] = useState(false)

  const clientErrors = useMemo(() => {
    const request = toRequest(values)
    const parsed = schema.safeParse(request)
    return parsed.success ? [] : fieldErrorsFromZod(parsed.error, request)
  }, [values, schema, toRequest])

  const errorAt = useCallback(
    (path: string, touchedKey: string): FieldError | undefined => {
      const server = serverFields.find((f) => f.path === path)
      if (server) return server
      if (!submitted && !touched.has(touchedKey)) return undefined
      return clientErrors.find((f) => f.path === path)
    },
    [clientErrors, serverFields, submitted, touched],
  )

  const errorFor = useCallback(
    (field: keyof V & string) => errorAt(pathOf(field), field),
    [errorAt, pathOf],
  )

  const set = useCallback(
    <K extends keyof V & string>(field: K, value: V[K]) => {
      setValues((v) => ({ ...v, [field]: value }))
      setServerFields((fields) => fields.filter((f) => !f.path.startsWith(pathOf(field))))
    },
    [pathOf],
  )

  const blur = useCallback(
    (field: keyof V & string) => {
      setTouched((t) => new Set(t).add(field))
      const format = onBlurFormat?.[field]
      if (format) setValues((v) => ({ ...v, [field]: format(v[field]) }))
    },
    [onBlurFormat],
  )

  /** Validates, then runs `send`; returns false when the form (or the desk) refused it. */
  const submit = useCallback(
    async (send: (request: R) => Promise<unknown>): Promise<boolean> => {
      setSubmitted(true)
      setFailure(null)
      if (clientErrors.length > 0) return false
      try {
        await send(toRequest(values))
        setServerFields([])
        return true
      } catch (error) {
        const data: AppErrorData = errorDataOf(error)
        setServerFields(data.fields ?? [])
        if (!data.fields?.length) setFailure(data)
        return false
      }
    },
    [clientErrors, values, toRequest],
  )

  const hasVisibleErrors = submitted && (clientErrors.length > 0 || serverFields.length > 0)
  return {
    values,
    set,
    blur,
    errorFor,
    errorAt,
    submit,
    failure,
    hasVisibleErrors,
    setValues,
    serverFields,
  }
}
