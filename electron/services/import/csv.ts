import { appError } from '@shared/errors'

/** Excel's own limit: a wider row is not a list (and would only fill the memory). */
export const MAX_COLUMNS = 16_384

const tooWide = () => appError('validation', 'errors.import_too_many_columns', { max: MAX_COLUMNS })

/**
 * A small RFC 4180 CSV reader for identification lists: BOM removed, `,` or `;` (what
 * French-locale Excel writes) detected from the header line, quoted fields with doubled
 * quotes and line breaks, CRLF, LF or CR alone. Rows are returned as arrays of strings.
 */
export function detectSeparator(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',') as ',' | ';' | '\t'
}

export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const separator = detectSeparator(text.slice(0, text.search(/\r?\n|$/)))
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === separator) {
      row.push(field)
      field = ''
      if (row.length >= MAX_COLUMNS) throw tooWide()
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
