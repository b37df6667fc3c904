import { describe, expect, it } from 'vitest'
import { formatMoroccanPhone, parseMoroccanPhone } from '@shared/validation/phone'

describe('Moroccan phone numbers', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['06 12 34 56 78', '+212612345678'],
    ['06-12-34-56-78', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212712345678', '+212712345678'],
    ['05.28.22.33.44', '+212528223344'],
    ['٠٦١٢٣٤٥٦٧٨', '+212612345678'],
    ['۰۷۱۲۳۴۵۶۷۸', '+212712345678'],
    ['\u200e0612345678\u200f', '+212612345678'],
  ])('reads %s as %s', (raw, e164) => {
    expect(parseMoroccanPhone(raw)).toBe(e164)
  })

  it.each(['', '12345', '061234567', '06123456789', '+33612345678', '0412345678', 'abc'])(
    'refuses %j',
    (raw) => {
      expect(parseMoroccanPhone(raw)).toBeNull()
    },
  )

  it('shows a stored number as the clerk says it', () => {
    expect(formatMoroccanPhone('+212612345678')).toBe('06 12 34 56 78')
    expect(formatMoroccanPhone('+212528223344')).toBe('05 28 22 33 44')
  })

  it('leaves anything that is not a stored Moroccan number unchanged', () => {
    expect(formatMoroccanPhone('+33612345678')).toBe('+33612345678')
  })
})
