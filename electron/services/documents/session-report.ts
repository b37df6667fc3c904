import type { Outcomes } from '@shared/sessions/attendance'
import type { Language } from '@shared/settings/language'
import { ltr } from '@shared/text/bidi'
import { formatDay } from '@shared/text/dates'
import { Flow } from './flow'
import { drawText, measureText } from './layout/draw'
import { header, INNER, newDocument, PAGE, t, toBuffer, type Chamber, type Doc } from './page'
import {
  continuation,
  directionOf,
  documentTitle,
  facts,
  note,
  noteHeight,
  pageFooters,
  sectionHeading,
} from './session-page'
import { Table, type Cell } from './table'

/**
 * The report of a session (تقرير اللقاء / rapport de séance, issue 6), for the chamber's
 * records and its partners: what the session was and whether it was held (or why it was
 * cancelled), who was invited and who came, what those who came did afterwards —
 * registered in the RNA, pre-registered with the CNSS, covered by AMO — within 30 and 90
 * days (saying when that window is still open), the partners and how to reach them, and
 * the list of those present. The figures come first: they are what the report is read for.
 */
export interface ReportAttendee {
  nameAr: string
  nameLat: string
  cin: string | null
  walkIn: boolean
}

export interface SessionReportContent {
  lang: Extract<Language, 'ar' | 'fr'>
  sessionTitle: string
  facts: { label: string; value: string }[]
  partners: { name: string; kind: string; contact: string }[]
  outcomes: Outcomes
  /** The last day of each outcome window, in the order of `outcomes.windows`. */
  windowEnds: string[]
  attendees: ReportAttendee[]
  printedOn: string
}

const ACCENT = '#1d5c4d'

/** The four counts side by side: a large figure over its label. */
function tiles(f: Flow, items: { value: number; label: string }[], lang: Language): void {
  const dir = directionOf(lang)
  const gap = 10
  const w = (INNER - gap * (items.length - 1)) / items.length
  const labelStyle = { size: dir === 'rtl' ? 9.5 : 8.5, width: w - 12, direction: dir }
  const h =
    Math.max(...items.map((i) => measureText(i.label, { ...labelStyle, align: 'center' }))) + 40
  f.room(h + 6)
  items.forEach((item, i) => {
    const x =
      dir === 'rtl' ? PAGE.margin + INNER - (i + 1) * w - i * gap : PAGE.margin + i * (w + gap)
    drawTile(f.doc, x, f.y, w, h, item, labelStyle)
  })
  f.y += h + 6
}

function drawTile(
  doc: Doc,
  x: number,
  y: number,
  w: number,
  h: number,
  item: { value: number; label: string },
  labelStyle: { size: number; width: number; direction: 'rtl' | 'ltr' },
): void {
  doc.roundedRect(x, y, w, h, 5).fillColor('#edf3f0').fill()
  drawText(doc, String(item.value), {
    x: x + 6,
    y: y + 6,
    width: w - 12,
    size: 20,
    weight: 'bold',
    direction: 'ltr',
    align: 'center',
    color: ACCENT,
    leading: 1.3,
  })
  drawText(doc, item.label, { ...labelStyle, x: x + 6, y: y + 36, align: 'center' })
}

export async function renderSessionReport(
  c: SessionReportContent,
  chamber: Chamber,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const dir = directionOf(c.lang)
  const label = (key: string, params?: Record<string, string | number>) =>
    t(c.lang, `materials.report.${key}`, params)
  const doc = newDocument(`${label('title')} — ${c.sessionTitle}`, 'kept')
  let y = header(doc, chamber, warnings)
  y = documentTitle(doc, y, label('title'), dir)
  const f = new Flow(doc, y, continuation(`${label('title')} — ${c.sessionTitle}`, dir))

  sectionHeading(f, label('identity'), dir)
  facts(f, c.facts, dir)

  const o = c.outcomes
  sectionHeading(f, label('counts'), dir, 80)
  tiles(
    f,
    [
      { value: o.invited, label: label('invited') },
      { value: o.attended, label: label('attended') },
      { value: o.invitedAttended, label: label('invitedAttended') },
      { value: o.walkIns, label: label('walkIns') },
    ],
    c.lang,
  )

  // The outcomes table and its notes are kept together; every heading keeps its table's
  // header and first two rows (flow.ts, keep-with-next).
  // A window still open is marked (*, ** …) and explained under the table.
  const mark = (i: number) => (o.windows[i]?.open ? ` ${'*'.repeat(i + 1)}` : '')
  const table = new Table(
    f,
    [
      { label: label('step'), share: 0.5 },
      ...o.windows.map((w) => ({
        label: label('withinDays', { days: w.days }),
        share: 0.25,
        align: 'center' as const,
      })),
    ],
    dir,
  )
  const outcomeRows: Cell[][] = (['registered', 'cnssPreRegistered', 'amoCovered'] as const).map(
    (step) => [
      { lines: [{ text: label(step), direction: dir }] },
      ...o.windows.map((w, i) => ({
        lines: [{ text: `${w[step]}${mark(i)}`, direction: 'ltr' as const }],
      })),
    ],
  )
  const intro = label('outcomesIntro')
  sectionHeading(
    f,
    label('outcomes'),
    dir,
    Math.max(190, noteHeight(intro, dir) + table.lead(outcomeRows)),
  )
  note(f, intro, dir)
  table.header(outcomeRows)
  for (const cells of outcomeRows) table.row(cells)
  f.y += 4
  o.windows.forEach((w, i) => {
    if (w.open)
      note(
        f,
        `${mark(i).trim()} ${label('windowOpen', { days: w.days, date: ltr(formatDay(c.windowEnds[i])) })}`,
        dir,
      )
  })

  if (!c.partners.length) {
    sectionHeading(f, label('partners'), dir)
    note(f, label('noPartners'), dir)
  } else {
    const table = new Table(
      f,
      [
        { label: label('partnerName'), share: 0.38 },
        { label: label('partnerKind'), share: 0.24 },
        { label: label('partnerContact'), share: 0.38 },
      ],
      dir,
    )
    const rows: Cell[][] = c.partners.map((p) => [
      { lines: [{ text: p.name, direction: dir }] },
      { lines: [{ text: p.kind, direction: dir }] },
      { lines: p.contact ? [{ text: p.contact, direction: dir }] : [] },
    ])
    sectionHeading(f, label('partners'), dir, table.lead(rows))
    table.header(rows)
    for (const cells of rows) table.row(cells)
  }

  if (!c.attendees.length) {
    sectionHeading(f, label('attendees'), dir, 60)
    note(f, label('noAttendees'), dir)
  } else {
    const list = new Table(
      f,
      [
        { label: t(c.lang, 'materials.sheet.number'), share: 0.07, align: 'center' },
        { label: t(c.lang, 'materials.sheet.name'), share: 0.5 },
        { label: t(c.lang, 'materials.sheet.cin'), share: 0.18, align: 'center' },
        { label: label('arrival'), share: 0.25, align: 'center' },
      ],
      dir,
    )
    const rows: Cell[][] = c.attendees.map((a, i) => [
      { lines: [{ text: String(i + 1), direction: 'ltr' }] },
      {
        lines: [
          ...(a.nameAr ? [{ text: a.nameAr, direction: 'rtl' as const }] : []),
          ...(a.nameLat ? [{ text: a.nameLat, direction: 'ltr' as const, color: '#4a524e' }] : []),
        ],
      },
      { lines: a.cin ? [{ text: a.cin, direction: 'ltr' }] : [] },
      { lines: [{ text: label(a.walkIn ? 'walkIn' : 'invitedFlag'), direction: dir }] },
    ])
    sectionHeading(f, label('attendees'), dir, list.lead(rows))
    list.header(rows)
    for (const cells of rows) list.row(cells)
  }

  pageFooters(
    doc,
    c.lang,
    `${c.sessionTitle} · ${label('printedOn', { date: ltr(formatDay(c.printedOn)) })}`,
  )
  return { pdf: await toBuffer(doc), warnings }
}
