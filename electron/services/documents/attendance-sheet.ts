import type { Language } from '@shared/settings/language'
import { ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { formatDay } from '@shared/text/dates'
import { Flow } from './flow'
import { drawText } from './layout/draw'
import { header, INNER, newDocument, PAGE, t, toBuffer, type Chamber } from './page'
import { continuation, directionOf, documentTitle, facts, note, pageFooters } from './session-page'
import { Table, type Cell } from './table'

/**
 * The attendance sheet of a session (ورقة الحضور / feuille de présence, issue 6): the
 * session at the top, then one row per invited or checked-in artisan — name in Arabic and
 * Latin letters, CIN, phone, commune, a box ticked when they were checked in, room to
 * sign — and blank rows for those who come without an invitation. In Arabic the table
 * reads from the right. The header row comes back on every page; pages are numbered.
 */
export interface SheetPerson {
  nameAr: string
  nameLat: string
  cin: string | null
  phone: string | null
  commune: string
  present: boolean
}

export interface AttendanceSheetContent {
  lang: Extract<Language, 'ar' | 'fr'>
  sessionTitle: string
  /** The session's facts, already in the language (kind, date, hours, place…). */
  facts: { label: string; value: string }[]
  people: SheetPerson[]
  blankRows: number
  printedOn: string
}

const COLUMNS = ['number', 'name', 'cin', 'phone', 'commune', 'present', 'signature'] as const
const SHARES = [0.05, 0.26, 0.11, 0.14, 0.13, 0.1, 0.21]

export async function renderAttendanceSheet(
  c: AttendanceSheetContent,
  chamber: Chamber,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const dir = directionOf(c.lang)
  const label = (key: string, params?: Record<string, string | number>) =>
    t(c.lang, `materials.sheet.${key}`, params)
  const doc = newDocument(`${label('title')} — ${c.sessionTitle}`, 'kept')
  let y = header(doc, chamber, warnings)
  y = documentTitle(doc, y, label('title'), dir)
  const f = new Flow(doc, y, continuation(`${label('title')} — ${c.sessionTitle}`, dir))
  facts(f, c.facts, dir)
  f.y += 4
  note(f, label('instructions'), dir)
  f.y += 4

  const table = new Table(
    f,
    COLUMNS.map((key, i) => ({
      label: label(key),
      share: SHARES[i] as number,
      align: key === 'name' || key === 'commune' ? 'start' : 'center',
    })),
    dir,
    28,
  )
  const line = (text: string | null, direction: 'rtl' | 'ltr' = 'ltr') =>
    text ? [{ text, direction }] : []
  const rows: Cell[][] = c.people.map((p, i) => [
    { lines: line(String(i + 1)) },
    {
      lines: [
        ...line(p.nameAr, 'rtl'),
        ...(p.nameLat ? [{ text: p.nameLat, direction: 'ltr' as const, color: '#4a524e' }] : []),
      ],
    },
    { lines: line(p.cin) },
    { lines: line(p.phone ? formatMoroccanPhone(p.phone) : null) },
    { lines: line(p.commune, dir) },
    { tick: p.present ? 'ticked' : 'empty' },
    {},
  ])
  for (let i = 0; i < c.blankRows; i++)
    rows.push([
      { lines: line(String(c.people.length + i + 1)) },
      {},
      {},
      {},
      {},
      { tick: 'empty' },
      {},
    ])
  // The header row is kept with the first two rows (keep-with-next, flow.ts).
  table.header(rows)
  for (const cells of rows) table.row(cells)

  // The organiser's count and signature under the table.
  f.room(76)
  const w = INNER / 2 - 10
  const x = dir === 'rtl' ? PAGE.margin : PAGE.margin + INNER - w
  const top = f.y + 12
  doc.roundedRect(x, top, w, 60, 4).lineWidth(0.6).strokeColor('#b9c4bf').stroke()
  drawText(doc, `${label('total')}\n${label('organiserSignature')}`, {
    x: x + 8,
    y: top + 6,
    width: w - 16,
    size: dir === 'rtl' ? 10 : 9,
    direction: dir,
    color: '#555555',
  })
  f.y = top + 64

  pageFooters(
    doc,
    c.lang,
    `${c.sessionTitle} · ${label('printedOn', { date: ltr(formatDay(c.printedOn)) })}`,
  )
  return { pdf: await toBuffer(doc), warnings }
}
