import { describe, expect, it } from 'vitest'
import {
  formatDay,
  formatDayTime,
  formatTime,
  isIsoDay,
  isTime24,
  localTodayIso,
  parseDayFirst,
  parseTime24,
  readDayFirst,
} from '@shared/text/dates'

const today = '2026-07-12'

describe('days typed day first', () => {
  it.each([
    ['14/03/1985', '1985-03-14'],
    ['14-03-1985', '1985-03-14'],
    ['14.03.1985', '1985-03-14'],
    ['14 03 1985', '1985-03-14'],
    ['14031985', '1985-03-14'],
    ['140385', '1985-03-14'],
    ['14/3/1985', '1985-03-14'],
    ['4/3/85', '1985-03-04'],
    ['05/11/1990', '1990-11-05'],
    [' 14 / 03 / 1985 ', '1985-03-14'],
    ['١٤/٠٣/١٩٨٥', '1985-03-14'],
    ['۱۴/۰۳/۱۹۸۵', '1985-03-14'],
    ['\u200e14/03/1985\u200f', '1985-03-14'],
    ['1985-03-14', '1985-03-14'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s, never month first', (typed, iso) => {
    expect(parseDayFirst(typed, { pivot: 'past', today })).toBe(iso)
  })

  it.each(['31/02/1990', '29/02/2023', '14/13/1985', '00/01/2000', '32/01/2000'])(
    'refuses %j, a day the calendar does not have',
    (typed) => {
      expect(parseDayFirst(typed, { today })).toBeNull()
      expect(readDayFirst(typed, { today })).toEqual({ ok: false, reason: 'calendar' })
    },
  )

  it.each(['', '   ', 'abc', '14/03', '1403', '14/03/198', '14/03/1985 10:00', '14//03/1985'])(
    'refuses %j, which is not the shape of a day',
    (typed) => {
      expect(parseDayFirst(typed, { today })).toBeNull()
      expect(readDayFirst(typed, { today })).toEqual({ ok: false, reason: 'format' })
    },
  )

  it('reads a readable day as ok with its ISO form', () => {
    expect(readDayFirst('02/01/2026', { today })).toEqual({ ok: true, iso: '2026-01-02' })
  })

  it('puts a two-digit birth year in the past: 85 is 1985, 26 is 2026, 27 is 1927', () => {
    expect(parseDayFirst('14/03/85', { pivot: 'past', today })).toBe('1985-03-14')
    expect(parseDayFirst('01/01/26', { pivot: 'past', today })).toBe('2026-01-01')
    expect(parseDayFirst('01/01/27', { pivot: 'past', today })).toBe('1927-01-01')
  })

  it('puts any other two-digit year within fifty years of today', () => {
    expect(parseDayFirst('01/01/27', { pivot: 'nearest', today })).toBe('2027-01-01')
    expect(parseDayFirst('01/01/76', { pivot: 'nearest', today })).toBe('2076-01-01')
    expect(parseDayFirst('01/01/77', { pivot: 'nearest', today })).toBe('1977-01-01')
  })

  it('takes the nearest pivot when none is given', () => {
    expect(parseDayFirst('01/01/30', { today })).toBe('2030-01-01')
  })
})

describe('days shown', () => {
  it('writes an ISO day as dd/mm/yyyy', () => {
    expect(formatDay('1985-03-14')).toBe('14/03/1985')
    expect(formatDay('2026-12-08T09:30:00Z')).toBe('08/12/2026')
  })

  it('writes nothing for no day, and leaves text that is not a day as it is', () => {
    expect(formatDay('')).toBe('')
    expect(formatDay(null)).toBe('')
    expect(formatDay(undefined)).toBe('')
    expect(formatDay('31/02')).toBe('31/02')
  })

  it('round-trips every day of a leap year through its display form', () => {
    const start = Date.UTC(2024, 0, 1)
    for (let i = 0; i < 366; i++) {
      const iso = new Date(start + i * 864e5).toISOString().slice(0, 10)
      expect(parseDayFirst(formatDay(iso))).toBe(iso)
    }
  })

  it('writes a date-time as dd/mm/yyyy HH:MM, 24-hour, with no zone shift', () => {
    expect(formatDayTime('2026-12-08T21:05:00')).toBe('08/12/2026 21:05')
    expect(formatTime('2026-12-08T14:30:00Z')).toBe('14:30')
    expect(formatTime('09:30')).toBe('09:30')
  })

  it('gives the local day as ISO', () => {
    expect(localTodayIso(new Date(2026, 6, 12, 23, 59))).toBe('2026-07-12')
    expect(localTodayIso(new Date(2026, 0, 2, 0, 1))).toBe('2026-01-02')
  })

  it('tells an ISO calendar day from anything else', () => {
    expect(isIsoDay('1985-03-14')).toBe(true)
    expect(isIsoDay('1990-02-31')).toBe(false)
    expect(isIsoDay('14/03/1985')).toBe(false)
    expect(isIsoDay('')).toBe(false)
    expect(isIsoDay(null)).toBe(false)
  })
})

describe('times typed 24-hour', () => {
  it.each([
    ['9:30', '09:30'],
    ['09:30', '09:30'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['1430', '14:30'],
    ['14:30', '14:30'],
    ['9h30', '09:30'],
    ['9H30', '09:30'],
    ['9.30', '09:30'],
    ['9', '09:00'],
    ['14h', '14:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['١٤:٣٠', '14:30'],
  ])('reads %j as %s', (typed, time) => {
    expect(parseTime24(typed)).toBe(time)
  })

  it.each(['', '24:00', '12:60', '2:30 PM', 'abc', '12345', '9:3'])('refuses %j', (typed) => {
    expect(parseTime24(typed)).toBeNull()
  })

  it('tells an HH:MM time from anything else', () => {
    expect(isTime24('14:30')).toBe(true)
    expect(isTime24('9:30')).toBe(false)
    expect(isTime24('24:00')).toBe(false)
  })
})
