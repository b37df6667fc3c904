import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { writeXlsx } from '../../electron/services/spreadsheet/xlsx-write'
import { decodeXml, escapeXml } from '../../electron/services/spreadsheet/xml'

/**
 * A workbook shaped the way Excel writes one: a hidden first sheet, shared strings with
 * rich-text runs and phonetic guides, styles with built-in and custom date formats, cells
 * skipped in a row, a row skipped in the sheet, numbers, booleans, errors, inline strings
 * and formula results, namespace prefixes, escaped characters.
 */
function excelLikeWorkbook(): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${ns} ${rel}><sheets>` +
        '<sheet name="Old" sheetId="1" state="hidden" r:id="rId1"/>' +
        '<sheet name="Liste" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
        '</Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst ${ns} count="6" uniqueCount="6">` +
        '<si><t>N° CIN</t></si>' +
        '<si><t xml:space="preserve">Nom </t></si>' +
        '<si><r><rPr><b/></rPr><t>Date de </t></r><r><t>naissance</t></r></si>' +
        '<si><t>محمد</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
        '<si><t>Ben &amp; fils_x000D_</t></si>' +
        '<si/>' +
        '</sst>',
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>` +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData/></worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>2</x:v></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>JE100001</x:t></x:is></x:c><x:c r="B2" t="s"><x:v>3</x:v></x:c>' +
        '<x:c r="C2"><x:v>661234567</x:v></x:c><x:c r="D2" s="1"><x:v>27467</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="B4" t="s"><x:v>4</x:v></x:c><x:c r="C4" t="b"><x:v>1</x:v></x:c>' +
        '<x:c r="D4" s="2"><x:v>25569.75</x:v></x:c><x:c r="E4" t="e"><x:v>#N/A</x:v></x:c>' +
        '<x:c r="F4" t="str"><x:f>A1</x:f><x:v>N° CIN</x:v></x:c><x:c r="G4" s="3"><x:v>12.5</x:v></x:c></x:row>' +
        '<x:row r="5"/>' +
        '</x:sheetData></x:worksheet>',
    ),
  })
}

describe('reading XLSX', () => {
  it('reads the first visible sheet as Excel shows it, row n at index n - 1', () => {
    expect(readXlsx(excelLikeWorkbook())).toEqual([
      ['N° CIN', 'Nom ', '', 'Date de naissance'],
      ['JE100001', 'محمد', '661234567', '1975-03-14'],
      [],
      ['', 'Ben & fils\r', 'TRUE', '1970-01-01', '', 'N° CIN', '12.5'],
      [],
    ])
  })

  it('says what is wrong with files that are not workbooks', () => {
    const code = (bytes: Uint8Array) => {
      try {
        readXlsx(bytes)
        return 'read'
      } catch (error) {
        return (error as { data?: { key: string } }).data?.key
      }
    }
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('errors.import_old_xls')
    expect(code(strToU8('N° CIN;Nom\nJE1;Ali'))).toBe('errors.import_unreadable')
    expect(code(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe('errors.import_unreadable')
    expect(code(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBe('errors.import_unreadable')
  })
})

describe('writing XLSX', () => {
  it('round-trips text (leading zeros, Arabic, markup characters), numbers and empty cells', () => {
    const rows = [
      ['0612345678', 'فاطمة أوعلي', 42, null, '<b>&"x"</b>', ' spaced '],
      ['J1', '', 3.5, 'ⵜⴰⵎⴰⵣⵉⵖⵜ', '=1+1', 'end'],
    ]
    const bytes = writeXlsx(
      { name: 'Artisans / 2026', header: ['a', 'b', 'c', 'd', 'e', 'f'] },
      rows,
    )
    expect(readXlsx(bytes)).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['0612345678', 'فاطمة أوعلي', '42', '', '<b>&"x"</b>', ' spaced '],
      ['J1', '', '3.5', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', '=1+1', 'end'],
    ])
  })

  it('escapes and decodes XML, dropping characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;')
    expect(decodeXml('&#x645;&#1581;&amp;&unknown;_x0041_')).toBe('مح&&unknown;A')
  })
})
