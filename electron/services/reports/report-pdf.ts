import type { TrendBucket } from '@shared/reports/dashboard'
import { funnelRate } from '@shared/reports/rates'
import { isolate } from '@shared/text/bidi'
import { Flow } from '../documents/flow'
import { drawText, measureText } from '../documents/layout/draw'
import type { Direction } from '../documents/layout/paragraph'
import {
  header,
  INNER,
  newDocument,
  PAGE,
  toBuffer,
  type Chamber,
  type Doc,
} from '../documents/page'
import {
  continuation,
  documentTitle,
  facts,
  note,
  noteHeight,
  pageFooters,
  sectionHeading,
} from '../documents/session-page'
import { Table, type Cell } from '../documents/table'
import { funnelChart, trendChart, trendChartHeight } from './report-chart'
import type { Compared, ReportData } from './report-data'
import {
  count,
  day,
  dayRange,
  percent,
  periodName,
  previousName,
  range,
  reportTitle,
  signed,
  signedPercent,
  monthName,
  word,
} from './report-words'

/**
 * The report to the ministry as an A4 PDF (issue 8), in Arabic or French, in that
 * language's direction: the chamber's header, the title and what the report covers, four
 * key figures, the path funnel (table and bars), the period's activity next to the period
 * before (path steps, certificates, sessions), the trend chart, the provinces of the
 * chamber's region, and the definitions behind every figure. Every page is numbered;
 * tables and charts are never cut between pages.
 */
const ACCENT = '#1d5c4d'
const INK = '#1f2421'
const GREY = '#555555'

const sized = (dir: Direction, size: number) => (dir === 'rtl' ? size + 1 : size)

/** The key figures, side by side: the figure, its name, and the period before. */
function tiles(
  f: Flow,
  items: { value: string; label: string; before: string }[],
  dir: Direction,
): void {
  const gap = 8
  const w = (INNER - gap * (items.length - 1)) / items.length
  const label = { size: sized(dir, 8.5), width: w - 12, direction: dir, align: 'center' as const }
  const before = { ...label, size: sized(dir, 7.5) }
  const labelH = Math.max(...items.map((i) => measureText(i.label, label)))
  const beforeH = Math.max(...items.map((i) => measureText(i.before, before)))
  const h = 34 + labelH + beforeH + 6
  f.room(h + 8)
  items.forEach((item, i) => {
    const x =
      dir === 'rtl' ? PAGE.margin + INNER - (i + 1) * w - i * gap : PAGE.margin + i * (w + gap)
    const y = f.y
    f.doc.roundedRect(x, y, w, h, 5).lineWidth(0.8).strokeColor('#9aa8a2').stroke()
    drawText(f.doc, item.value, {
      x: x + 6,
      y: y + 5,
      width: w - 12,
      size: 19,
      weight: 'bold',
      direction: 'ltr',
      align: 'center',
      color: ACCENT,
      leading: 1.3,
    })
    drawText(f.doc, item.label, { ...label, x: x + 6, y: y + 32, color: INK })
    drawText(f.doc, item.before, { ...before, x: x + 6, y: y + 32 + labelH + 2, color: GREY })
  })
  f.y += h + 8
}

const text = (t: string, direction: Direction, color?: string): Cell => ({
  lines: [{ text: t, direction, ...(color ? { color } : {}) }],
})

/**
 * A table of figures: this period, the one before, the change in count and in percent.
 * `lead` is what its heading keeps below itself (keep-with-next); `draw` sets it.
 */
function comparedTable(
  f: Flow,
  d: ReportData,
  rows: Compared[],
  labelOf: (key: string) => string,
): { lead: number; draw: () => void } {
  const { lang } = d.request
  const dir: Direction = lang === 'ar' ? 'rtl' : 'ltr'
  const table = new Table(
    f,
    [
      { label: word(lang, 'col.figure'), share: 0.4 },
      { label: periodName(lang, d.periods), share: 0.16, align: 'center' },
      { label: previousName(lang, d.periods), share: 0.16, align: 'center' },
      { label: word(lang, 'col.change'), share: 0.13, align: 'center' },
      { label: word(lang, 'col.changePct'), share: 0.15, align: 'center' },
    ],
    dir,
  )
  const cells = rows.map((r) => [
    text(labelOf(r.key), dir),
    text(count(lang, r.current), 'ltr'),
    text(count(lang, r.previous), 'ltr', GREY),
    text(signed(lang, r.delta), 'ltr'),
    text(signedPercent(lang, r.ratio), 'ltr'),
  ])
  return {
    lead: table.lead(cells),
    draw: () => {
      table.header(cells)
      for (const row of cells) table.row(row)
      f.y += 6
    },
  }
}

function bucketLabel(d: ReportData) {
  const { lang } = d.request
  return (b: TrendBucket): string[] => {
    if (d.trend.unit === 'month') return [monthName(lang, b.from), b.from.slice(0, 4)]
    const week = Number(b.label.slice(b.label.indexOf('W') + 1))
    return [word(lang, 'week', { week }), dayRange(lang, b.from, b.to)]
  }
}

/** The provinces' table; `lead` is what its heading keeps below itself (keep-with-next). */
function provincesTable(f: Flow, d: ReportData): { lead: number; draw: () => void } {
  const { lang } = d.request
  const dir: Direction = lang === 'ar' ? 'rtl' : 'ltr'
  const rows = d.provinces ?? []
  const table = new Table(
    f,
    [
      { label: word(lang, 'prov.place'), share: 0.22 },
      { label: word(lang, 'prov.identified'), share: 0.105, align: 'center' },
      { label: word(lang, 'prov.registered'), share: 0.075, align: 'center' },
      { label: word(lang, 'prov.rate'), share: 0.105, align: 'center' },
      { label: word(lang, 'prov.cnss'), share: 0.09, align: 'center' },
      { label: word(lang, 'prov.amo'), share: 0.085, align: 'center' },
      { label: word(lang, 'prov.banked'), share: 0.1, align: 'center' },
      { label: word(lang, 'prov.newFiles'), share: 0.115, align: 'center' },
      { label: word(lang, 'prov.newRegistered'), share: 0.105, align: 'center' },
    ],
    dir,
  )
  const line = (
    name: string,
    p: Pick<(typeof rows)[number], 'funnel' | 'inPeriod'>,
    bold?: boolean,
  ): Cell[] => {
    const color = bold ? ACCENT : undefined
    return [
      text(name, dir, color),
      text(count(lang, p.funnel.identified), 'ltr', color),
      text(count(lang, p.funnel.registered), 'ltr', color),
      text(percent(lang, funnelRate(p.funnel, 'registered')), 'ltr', color),
      text(count(lang, p.funnel.cnssPreRegistered), 'ltr', color),
      text(count(lang, p.funnel.amoCovered), 'ltr', color),
      text(count(lang, p.funnel.banked), 'ltr', color),
      text(count(lang, p.inPeriod.identified), 'ltr', color),
      text(count(lang, p.inPeriod.registered), 'ltr', color),
    ]
  }
  const cells = rows.map((r) =>
    line(r.place ? (lang === 'ar' ? r.place.nameAr : r.place.nameFr) : word(lang, 'prov.other'), r),
  )
  cells.push(line(word(lang, 'prov.total'), d.current, true))
  return {
    lead: table.lead(cells),
    draw: () => {
      table.header(cells)
      for (const row of cells) table.row(row)
      f.y += 4
    },
  }
}

export async function renderReportPdf(
  d: ReportData,
  chamber: Chamber,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const { lang } = d.request
  const dir: Direction = lang === 'ar' ? 'rtl' : 'ltr'
  const warnings: string[] = []
  const title = reportTitle(lang, d.periods)
  const doc: Doc = newDocument(title, 'kept')
  let y = header(doc, chamber, warnings)
  y = documentTitle(doc, y, title, dir)
  for (const line of [word(lang, 'subject'), word(lang, 'addressee')])
    y += drawText(doc, line, {
      x: PAGE.margin,
      y,
      width: INNER,
      size: sized(dir, 9.5),
      direction: dir,
      align: 'center',
      color: GREY,
    })
  const f = new Flow(doc, y + 8, continuation(title, dir))

  const regionName = isolate(lang === 'ar' ? d.region.nameAr : d.region.nameFr)
  const provinceName = d.province && isolate(lang === 'ar' ? d.province.nameAr : d.province.nameFr)
  facts(
    f,
    [
      {
        label: word(lang, 'fact.period'),
        value: word(lang, 'periodValue', {
          name: periodName(lang, d.periods),
          range: range(lang, d.periods.current),
        }),
      },
      {
        label: word(lang, 'fact.previous'),
        value: word(lang, 'periodValue', {
          name: previousName(lang, d.periods),
          range: range(lang, d.periods.previous),
        }),
      },
      {
        label: word(lang, 'fact.scope'),
        value: provinceName
          ? word(lang, 'scopeProvince', { province: provinceName, region: regionName })
          : word(lang, 'scopeChamber', { region: regionName }),
      },
      { label: word(lang, 'fact.generated'), value: day(lang, d.generatedOn) },
    ],
    dir,
  )
  if (d.inProgress)
    note(f, word(lang, 'inProgress', { date: day(lang, d.generatedOn) }), dir, ACCENT)

  sectionHeading(f, word(lang, 'keyFigures'), dir, 70)
  const key = (rows: Compared[], k: string, label: string) => {
    const r = rows.find((x) => x.key === k) as Compared
    return {
      value: count(lang, r.current),
      label,
      before: word(lang, 'previousValue', {
        value: `${count(lang, r.previous)} (${signed(lang, r.delta)})`,
      }),
    }
  }
  tiles(
    f,
    [
      key(d.inPeriod, 'identified', word(lang, 'in.identified')),
      key(d.inPeriod, 'registered', word(lang, 'in.registered')),
      key(d.certificates, 'issued', word(lang, 'cert.issued')),
      key(d.sessions, 'held', word(lang, 'ses.held')),
    ],
    dir,
  )

  // The funnel: its table, then its bars, kept together.
  sectionHeading(f, word(lang, 'funnel', { date: day(lang, d.generatedOn) }), dir, 290)
  note(f, word(lang, 'funnelNote'), dir)
  f.y += 2
  const funnel = new Table(
    f,
    [
      { label: word(lang, 'col.step'), share: 0.42 },
      { label: word(lang, 'col.count'), share: 0.16, align: 'center' },
      { label: word(lang, 'col.rate'), share: 0.14, align: 'center' },
      { label: word(lang, 'col.over'), share: 0.28, align: 'center' },
    ],
    dir,
  )
  funnel.header()
  for (const r of d.funnel)
    funnel.row([
      text(word(lang, `step.${r.step}`), dir),
      text(count(lang, r.count), 'ltr'),
      text(r.base ? percent(lang, r.rate) : '', 'ltr'),
      text(r.base ? word(lang, `base.${r.base}`) : '', dir, GREY),
    ])
  f.y += 8
  funnelChart(
    f,
    d.funnel.map((r) => ({
      label: word(lang, `step.${r.step}`),
      count: r.count,
      caption: r.base ? `${count(lang, r.count)} · ${percent(lang, r.rate)}` : count(lang, r.count),
    })),
    lang,
    word(lang, 'funnelChart'),
  )

  // Each heading keeps its table's header and first two rows (keep-with-next, flow.ts).
  const inPeriod = comparedTable(f, d, d.inPeriod, (k) => word(lang, `in.${k}`))
  const inPeriodNote = word(lang, 'inPeriodNote')
  sectionHeading(
    f,
    word(lang, 'inPeriod'),
    dir,
    Math.max(150, noteHeight(inPeriodNote, dir) + 2 + inPeriod.lead),
  )
  note(f, inPeriodNote, dir)
  f.y += 2
  inPeriod.draw()

  const certificates = comparedTable(f, d, d.certificates, (k) => word(lang, `cert.${k}`))
  sectionHeading(f, word(lang, 'certificates'), dir, Math.max(70, certificates.lead))
  certificates.draw()

  const sessions = comparedTable(f, d, d.sessions, (k) => word(lang, `ses.${k}`))
  sectionHeading(f, word(lang, 'sessions'), dir, Math.max(90, sessions.lead))
  sessions.draw()

  const chart = {
    lang,
    legend: {
      identified: word(lang, 'legend.identified'),
      registered: word(lang, 'legend.registered'),
    },
    bucketLabel: bucketLabel(d),
    number: (n: number) => count('fr', n),
    caption: word(lang, d.trend.unit === 'week' ? 'trendNoteWeek' : 'trendNoteMonth'),
  }
  sectionHeading(
    f,
    word(lang, d.trend.unit === 'week' ? 'trendWeek' : 'trendMonth'),
    dir,
    trendChartHeight(d.trend.buckets, chart),
  )
  trendChart(f, d.trend.buckets, chart)

  if (d.provinces) {
    const provinces = provincesTable(f, d)
    const provincesNote = word(lang, 'provincesNote')
    sectionHeading(
      f,
      word(lang, 'provinces'),
      dir,
      Math.max(120, noteHeight(provincesNote, dir) + 2 + provinces.lead),
    )
    note(f, provincesNote, dir)
    f.y += 2
    provinces.draw()
  }

  // The definitions are kept together, under their heading.
  const definitions = ['def.funnel', 'def.rates', 'def.activity', 'def.change'].map(
    (k) => `• ${word(lang, k)}`,
  )
  const style = { size: sized(dir, 8.5), width: INNER, direction: dir }
  const keep = definitions.reduce((h, line) => h + measureText(line, style) + 4, 0)
  sectionHeading(f, word(lang, 'definitions'), dir, keep)
  for (const line of definitions) note(f, line, dir, INK, 8.5)

  pageFooters(
    doc,
    lang,
    `${title} · ${word(lang, 'generatedOn', { date: day(lang, d.generatedOn) })}`,
  )
  return { pdf: await toBuffer(doc), warnings }
}
