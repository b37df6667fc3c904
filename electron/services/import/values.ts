import { stripInvisible, toAsciiDigits } from '@shared/validation/digits'

/**
 * Cell values as spreadsheets leave them, made into what the schema reads: invisible
 * marks and Arabic-Indic digits folded, Excel serial dates and dd/mm/yyyy turned into ISO
 * dates, sexes written in any of the three languages.
 */
export function cleanCell(raw: string): string {
  return toAsciiDigits(stripInvisible(raw)).replace(/\s+/g, ' ').trim()
}

/** Excel's day 1 is 1900-01-01 (with its fictitious 1900-02-29), hence the 1899-12-30 epoch. */
export function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
}

export function toIsoDate(value: string): string {
  if (/^\d{4,5}(\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value))
    if (serial > 3000 && serial < 80000) return excelSerialToIso(serial)
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value)
  if (ymd) return `${ymd[1]}-${ymd[2]?.padStart(2, '0')}-${ymd[3]?.padStart(2, '0')}`
  return value
}

const SEX: Record<string, string> = {
  f: 'F',
  femme: 'F',
  female: 'F',
  أنثى: 'F',
  انثى: 'F',
  m: 'M',
  h: 'M',
  homme: 'M',
  male: 'M',
  ذكر: 'M',
}

export function toSex(value: string): string {
  return SEX[value.toLowerCase()] ?? value
}
