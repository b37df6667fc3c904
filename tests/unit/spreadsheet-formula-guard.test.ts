import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { csvCell, defuseFormula } from '../../electron/services/spreadsheet/csv-cell'
import { csvLine } from '../../electron/services/spreadsheet/csv-write'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { writeXlsx } from '../../electron/services/spreadsheet/xlsx-write'

/**
 * No cell the desk writes runs as a formula (OWASP "CSV Injection"): CSV text starting
 * with `=`, `+`, `-`, `@`, tab or carriage return goes behind a single quote; XLSX text is
 * an inline string, never a formula.
 */
const TRIGGERS = ['=1+1', '+Ahmed', '-2+3+cmd|/C calc!A0', '@SUM(1+1)', '\t=1+1', '\r=1+1']

describe('the formula guard of CSV files', () => {
  it.each(TRIGGERS)('defuses %j with a single quote', (text) => {
    expect(defuseFormula(text)).toBe(`'${text}`)
    expect(csvCell(text).replace(/^"|"$/g, '')).toMatch(/^'/)
  })

  it('leaves other text and numbers as they are, and quotes what CSV needs', () => {
    expect(csvCell('Ahmed')).toBe('Ahmed')
    expect(csvCell('06 61 23 45 67')).toBe('06 61 23 45 67')
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell('=HYPERLINK("x"),y')).toBe(`"'=HYPERLINK(""x""),y"`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell(null)).toBe('')
  })

  it('keeps a phone number written the international way readable', () => {
    expect(csvLine(['+212612345678', 'Ahmed'])).toBe("'+212612345678,Ahmed\r\n")
  })
})

describe('text cells of XLSX files', () => {
  it('are inline strings: a formula written as text stays text', () => {
    const book = writeXlsx(
      { name: 'L', header: ['Nom'] },
      TRIGGERS.map((t) => [t]),
    )
    const sheet = strFromU8(unzipSync(book)['xl/worksheets/sheet1.xml'] as Uint8Array)
    expect(sheet).not.toMatch(/<f[\s>]/)
    expect(sheet.match(/t="inlineStr"/g)).toHaveLength(TRIGGERS.length + 1)
    expect(
      readXlsx(book)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(TRIGGERS)
  })
})
