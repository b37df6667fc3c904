import { describe, expect, it } from 'vitest'
import { isValidNia, niaChamber, parseNia } from '@shared/validation/nia'

describe('the NIA as the registry contract defines it', () => {
  it('reads 10 digits starting with a chamber code, typed with separators or Arabic-Indic digits', () => {
    expect(parseNia('0900001234')).toBe('0900001234')
    expect(parseNia('09-0000 1234')).toBe('0900001234')
    expect(parseNia('٠٩٠٠٠٠١٢٣٤')).toBe('0900001234')
    expect(parseNia('12 00000001')).toBe('1200000001')
  })

  it.each([
    ['8 digits', '09000123'],
    ['11 digits', '09000012345'],
    ['chamber 00', '0000001234'],
    ['chamber 13', '1300001234'],
    ['a sequence of zeros', '0900000000'],
    ['letters', 'RNA0900123'],
    ['empty', ''],
  ])('refuses %s', (_name, raw) => {
    expect(parseNia(raw)).toBeNull()
    expect(isValidNia(raw)).toBe(false)
  })

  it('names the chamber that registered the artisan', () => {
    expect(niaChamber('0900001234')).toBe('09')
  })
})
