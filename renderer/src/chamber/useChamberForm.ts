import { useCallback, useMemo, useState } from 'react'
import { z } from 'zod'
import { AppError, type AppErrorData, type FieldError } from '@shared/errors'
import { ChamberProfileSchema, DeskNameSchema } from '@shared/settings/desk-profile'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'
import { formatMoroccanPhone, parseMoroccanPhone } from '@shared/validation/phone'

/**
 * State of the chamber-and-desk form used by first-run setup and Settings. Validation
 * runs the same zod schemas as the router, so a message seen while typing is the one
 * the desk would return; the router's field errors are shown the same way.
 */
export interface ChamberFormValues {
  regionCode: string
  nameAr: string
  nameFr: string
  address: string
  phone: string
  logo: string | null
  deskName: string
}

export const EMPTY_CHAMBER_FORM: ChamberFormValues = {
  regionCode: '',
  nameAr: '',
  nameFr: '',
  address: '',
  phone: '',
  logo: null,
  deskName: '',
}

const FormSchema = z.object({ chamber: ChamberProfileSchema, deskName: DeskNameSchema })

export type FieldName = keyof ChamberFormValues
const pathOf = (field: FieldName) => (field === 'deskName' ? 'deskName' : `chamber.${field}`)

export function toRequest(values: ChamberFormValues) {
  const { deskName, ...chamber } = values
  return { chamber, deskName }
}

export function useChamberForm(initial: ChamberFormValues) {
  const [values, setValues] = useState(initial)
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set())
  const [serverFields, setServerFields] = useState<FieldError[]>([])
  const [failure, setFailure] = useState<AppErrorData | null>(null)
  const [submitted, setSubmitted] = useState(false)

  const clientErrors = useMemo(() => {
    const request = toRequest(values)
    const parsed = FormSchema.safeParse(request)
    return parsed.success ? [] : fieldErrorsFromZod(parsed.error, request)
  }, [values])

  const errorFor = useCallback(
    (field: FieldName): FieldError | undefined => {
      const path = pathOf(field)
      const server = serverFields.find((f) => f.path === path)
      if (server) return server
      if (!submitted && !touched.has(field)) return undefined
      return clientErrors.find((f) => f.path === path)
    },
    [clientErrors, serverFields, submitted, touched],
  )

  const set = useCallback(<K extends FieldName>(field: K, value: ChamberFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setServerFields((fields) => fields.filter((f) => f.path !== pathOf(field)))
  }, [])

  const blur = useCallback((field: FieldName) => {
    setTouched((t) => new Set(t).add(field))
    if (field === 'phone') {
      setValues((v) => {
        const e164 = parseMoroccanPhone(v.phone)
        return e164 ? { ...v, phone: formatMoroccanPhone(e164) } : v
      })
    }
  }, [])

  /** Validates, then runs `send`; returns false when the form (or the desk) refused it. */
  const submit = useCallback(
    async (send: (request: ReturnType<typeof toRequest>) => Promise<unknown>): Promise<boolean> => {
      setSubmitted(true)
      setFailure(null)
      if (clientErrors.length > 0) return false
      try {
        await send(toRequest(values))
        setServerFields([])
        return true
      } catch (error) {
        const data: AppErrorData =
          error instanceof AppError ? error.data : { code: 'internal', key: 'errors.internal' }
        setServerFields(data.fields ?? [])
        if (!data.fields?.length) setFailure(data)
        return false
      }
    },
    [clientErrors, values],
  )

  const hasVisibleErrors = submitted && (clientErrors.length > 0 || serverFields.length > 0)
  return { values, set, blur, errorFor, submit, failure, hasVisibleErrors, setValues }
}

export type ChamberForm = ReturnType<typeof useChamberForm>
