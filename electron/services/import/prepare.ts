import {
  IdentificationSchema,
  type Identification,
  type IdentificationField,
} from '@shared/artisans/identification'
import type { FieldError } from '@shared/errors'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'
import { normalizedNames, type NormalizedNames } from '../artisans/name-words'
import type { Lookups } from './reference-names'
import { cleanCell, toIsoDate, toSex } from './values'

/**
 * The pure part of an import, run ahead of the writes (in a worker thread when there is
 * one): each row cleaned, its names made into codes, validated, and the names of a valid
 * row normalised for the name index. No database here.
 */
export type Prepared =
  | { line: number; kind: 'empty' }
  | { line: number; kind: 'rejected'; errors: FieldError[] }
  | { line: number; kind: 'valid'; data: Identification; forms: NormalizedNames }

export type Mapping = Record<number, IdentificationField>

const ARABIC = /[\u0600-\u06FF]/

/** A row's cells as the schema's input, with names moved to the script's own columns. */
function rowInput(cells: string[], mapping: Record<number, IdentificationField>) {
  const input: Partial<Record<IdentificationField, string>> = {}
  for (const [index, field] of Object.entries(mapping)) {
    const value = cleanCell(cells[Number(index)] ?? '')
    if (value)
      input[field] =
        field === 'birthDate' ? toIsoDate(value) : field === 'sex' ? toSex(value) : value
  }
  for (const part of ['first', 'last'] as const) {
    const ar = `${part}NameAr` as const
    const lat = `${part}NameLat` as const
    if (input[lat] && ARABIC.test(input[lat] ?? '') && !input[ar])
      [input[ar], input[lat]] = [input[lat], undefined]
    if (input[ar] && !ARABIC.test(input[ar] ?? '') && !input[lat])
      [input[lat], input[ar]] = [input[ar], undefined]
  }
  return input
}

/**
 * Names of territories and activities made into codes; a province on the row settles a
 * commune name that several provinces share (an export of Sijill has that column).
 */
function resolveNames(
  input: Partial<Record<IdentificationField, string>>,
  lookups: Lookups,
): FieldError[] {
  const errors: FieldError[] = []
  for (const [field, lookup, key] of [
    ['provinceCode', lookups.provinces, 'validation.territory'],
    ['communeCode', lookups.communes, 'validation.territory'],
    ['mainActivity', lookups.activities, 'validation.activity'],
  ] as const) {
    const value = input[field]
    if (!value) continue
    const found = lookup(value, field === 'communeCode' ? input.provinceCode : undefined)
    if ('code' in found) {
      input[field] = found.code
    } else {
      errors.push({
        path: field,
        key: found.error === 'ambiguous' ? 'validation.ambiguous_name' : key,
        params: { value },
      })
      delete input[field] // reported once, here, not again by the schema
    }
  }
  return errors
}

/** Rows `from` (0-based index in the file) onwards; line numbers are 1-based. */
export function prepareRows(
  rows: string[][],
  from: number,
  mapping: Mapping,
  lookups: Lookups,
): Prepared[] {
  return rows.map((cells, i) => {
    const line = from + i + 1
    if (cells.every((c) => cleanCell(c) === '')) return { line, kind: 'empty' }
    const input = rowInput(cells, mapping)
    const nameErrors = resolveNames(input, lookups)
    const parsed = IdentificationSchema.safeParse(input)
    const errors = [
      ...nameErrors,
      ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error, input)),
    ]
    if (!parsed.success || errors.length > 0) return { line, kind: 'rejected', errors }
    const data = parsed.data
    return { line, kind: 'valid', data, forms: normalizedNames({ ...data, organisationName: '' }) }
  })
}
