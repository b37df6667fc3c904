import { describe, expect, it } from 'vitest'
import { appError, errorDataOf } from '@shared/errors'
import { SetupInputSchema } from '@shared/settings/desk-profile'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'

function errorsFor(input: unknown) {
  const parsed = SetupInputSchema.safeParse(input)
  if (parsed.success) return []
  return fieldErrorsFromZod(parsed.error, input)
}

const valid = {
  chamber: {
    regionCode: '09',
    nameAr: 'غرفة الصناعة التقليدية لجهة سوس ماسة',
    nameFr: "Chambre d'Artisanat de la Région Souss-Massa",
    address: 'Agadir',
    phone: '0528223344',
    logo: null,
  },
  deskName: 'Guichet 1',
  language: 'fr',
}

describe('field errors carry i18n keys the clerk can read', () => {
  it('a complete setup has none, and the phone is stored in E.164', () => {
    const parsed = SetupInputSchema.parse(valid)
    expect(parsed.chamber.phone).toBe('+212528223344')
    expect(errorsFor(valid)).toEqual([])
  })

  it('missing fields are "required", each once, with its path', () => {
    const errors = errorsFor({ chamber: {}, language: 'ar' })
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'chamber.regionCode', key: 'validation.required' },
        { path: 'chamber.nameAr', key: 'validation.required' },
        { path: 'chamber.phone', key: 'validation.required' },
        { path: 'deskName', key: 'validation.required' },
      ]),
    )
    expect(new Set(errors.map((e) => e.path)).size).toBe(errors.length)
    expect(errors.find((e) => e.path === 'chamber.logo')).toBeUndefined()
  })

  it('rule-specific messages: phone, script of each name, language', () => {
    const errors = errorsFor({
      ...valid,
      chamber: { ...valid.chamber, phone: '12 34', nameAr: 'Chambre', nameFr: 'غرفة الصناعة' },
      language: 'de',
    })
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'chamber.phone', key: 'validation.phone' },
        { path: 'chamber.nameAr', key: 'validation.arabic_text' },
        { path: 'chamber.nameFr', key: 'validation.latin_text' },
        { path: 'language', key: 'validation.language' },
      ]),
    )
  })

  it('length limits come with their numbers', () => {
    const errors = errorsFor({
      ...valid,
      deskName: 'x',
      chamber: { ...valid.chamber, address: 'a'.repeat(301) },
    })
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'deskName', key: 'validation.too_short', params: { min: 2 } },
        { path: 'chamber.address', key: 'validation.too_long', params: { max: 300 } },
      ]),
    )
  })

  it('blank-looking text (spaces, invisible marks) counts as missing', () => {
    const errors = errorsFor({ ...valid, deskName: ' \u200f\u200e ' })
    expect(errors).toContainEqual({
      path: 'deskName',
      key: 'validation.too_short',
      params: { min: 2 },
    })
  })

  it('a logo must be a PNG or JPEG data URL of at most 512 KiB', () => {
    const tooBig = `data:image/png;base64,${'A'.repeat(Math.ceil((512 * 1024 * 4) / 3) + 8)}`
    expect(
      errorsFor({ ...valid, chamber: { ...valid.chamber, logo: 'data:image/gif;base64,AAAA' } }),
    ).toEqual([{ path: 'chamber.logo', key: 'validation.logo_format' }])
    expect(errorsFor({ ...valid, chamber: { ...valid.chamber, logo: tooBig } })).toEqual([
      { path: 'chamber.logo', key: 'validation.logo_size' },
    ])
  })
})

describe('errors shown on screens', () => {
  it('keeps an AppError as it is and turns anything else into an internal error', () => {
    const known = appError('conflict', 'errors.stale_file', { found: 2 })
    expect(errorDataOf(known)).toEqual(known.data)
    expect(errorDataOf(new Error('boom'))).toEqual({ code: 'internal', key: 'errors.internal' })
    expect(errorDataOf('text')).toEqual({ code: 'internal', key: 'errors.internal' })
  })
})
