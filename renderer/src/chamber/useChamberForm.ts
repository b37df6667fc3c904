import { z } from 'zod'
import { ChamberProfileSchema, DeskNameSchema } from '@shared/settings/desk-profile'
import { formatMoroccanPhone, parseMoroccanPhone } from '@shared/validation/phone'
import { useSchemaForm } from '../forms/useSchemaForm'

/** The chamber-and-desk form used by first-run setup and Settings. */
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

export type FieldName = keyof ChamberFormValues & string

export function toRequest(values: ChamberFormValues) {
  const { deskName, ...chamber } = values
  return { chamber, deskName }
}

const pathOf = (field: string) => (field === 'deskName' ? 'deskName' : `chamber.${field}`)

/** Shows a typed phone number the way clerks say it once it is valid. */
export const formatPhoneOnBlur = (phone: string) => {
  const e164 = parseMoroccanPhone(phone)
  return e164 ? formatMoroccanPhone(e164) : phone
}

const onBlurFormat = { phone: formatPhoneOnBlur }

export function useChamberForm(initial: ChamberFormValues) {
  return useSchemaForm({ initial, schema: FormSchema, toRequest, pathOf, onBlurFormat })
}

export type ChamberForm = ReturnType<typeof useChamberForm>
