import { funnelRate } from '@shared/reports/rates'
import { formatDay } from '@shared/text/dates'
import { dayCell, writeXlsxSheets, type Cell } from '../spreadsheet/xlsx-write'
import type { Compared, ReportData } from './report-data'
import {
  percentValue,
  periodName,
  previousName,
  reportTitle,
  monthName,
  word,
} from './report-words'

/**
 * The report to the ministry as a workbook (issue 8), for those who rework the figures:
 * Summary (what the report covers, the funnel with its rates, the period's activity next
 * to the period before, certificates, sessions), Trend (one row per week or month) and
 * Provinces (one row per province of the region, then the rest and the whole chamber; the
 * one province when the report is for a province). Headers in the report's language, the
 * sheets right to left in Arabic; every figure is a number cell (rates and changes in
 * percent with one decimal), days as date cells shown dd/mm/yyyy (a period's ends, as text
 * in one cell, dd/mm/yyyy too); a rate over nothing is an empty cell.
 */
export function renderReportXlsx(d: ReportData): Uint8Array {
  const { lang } = d.request
  const w = (key: string, params?: Record<string, string | number>) => word(lang, key, params)
  const rtl = lang === 'ar'
  const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '')

  const summary: Cell[][] = []
  const section = w('sheet.report')
  const range = (p: { from: string; to: string }) => `${formatDay(p.from)} – ${formatDay(p.to)}`
  summary.push([section, w('fact.period'), range(d.periods.current)])
  summary.push([section, w('fact.previous'), range(d.periods.previous)])
  const region = rtl ? d.region.nameAr : d.region.nameFr
  const province = d.province && (rtl ? d.province.nameAr : d.province.nameFr)
  summary.push([
    section,
    w('fact.scope'),
    plain(province ? w('scopeProvince', { province, region }) : w('scopeChamber', { region })),
  ])
  summary.push([section, w('fact.generated'), dayCell(d.generatedOn)])
  if (d.inProgress)
    summary.push([section, plain(w('inProgress', { date: formatDay(d.generatedOn) }))])

  const funnel = plain(w('funnel', { date: formatDay(d.generatedOn) }))
  for (const r of d.funnel)
    summary.push([
      funnel,
      w(`step.${r.step}`),
      r.count,
      null,
      null,
      null,
      r.base ? percentValue(r.rate) : null,
      r.base ? w(`base.${r.base}`) : null,
    ])
  const compared = (title: string, rows: Compared[], prefix: string) => {
    for (const r of rows)
      summary.push([
        title,
        w(`${prefix}.${r.key}`),
        r.current,
        r.previous,
        r.delta,
        percentValue(r.ratio),
      ])
  }
  compared(w('inPeriod'), d.inPeriod, 'in')
  compared(w('certificates'), d.certificates, 'cert')
  compared(w('sessions'), d.sessions, 'ses')

  const trend: Cell[][] = d.trend.buckets.map((b) => [
    d.trend.unit === 'week'
      ? plain(w('week', { week: Number(b.label.slice(b.label.indexOf('W') + 1)) }))
      : `${monthName(lang, b.from)} ${b.from.slice(0, 4)}`,
    dayCell(b.from),
    dayCell(b.to),
    b.identified,
    b.registered,
    b.cnssPreRegistered,
    b.amoCovered,
    b.banked,
  ])

  type Figures = Pick<ReportData['current'], 'funnel' | 'inPeriod'>
  const provinceRow = (code: string | null, name: string, p: Figures): Cell[] => [
    code,
    name,
    p.funnel.identified,
    p.funnel.registered,
    percentValue(funnelRate(p.funnel, 'registered')),
    p.funnel.cnssPreRegistered,
    p.funnel.amoCovered,
    p.funnel.otherCover,
    p.funnel.banked,
    p.inPeriod.identified,
    p.inPeriod.registered,
    p.inPeriod.cnssPreRegistered,
    p.inPeriod.amoCovered,
    p.inPeriod.banked,
  ]
  const provinces: Cell[][] = d.provinces
    ? [
        ...d.provinces.map((p) =>
          p.place
            ? provinceRow(p.place.code, rtl ? p.place.nameAr : p.place.nameFr, p)
            : provinceRow(null, w('prov.other'), p),
        ),
        provinceRow(null, w('prov.total'), d.current),
      ]
    : d.province
      ? [provinceRow(d.province.code, rtl ? d.province.nameAr : d.province.nameFr, d.current)]
      : []

  const current = plain(periodName(lang, d.periods))
  const previous = plain(previousName(lang, d.periods))
  return writeXlsxSheets([
    {
      head: {
        name: w('sheet.summary'),
        header: [
          w('col.section'),
          w('col.figure'),
          current,
          previous,
          w('col.change'),
          w('col.changePct'),
          w('col.ratePct'),
          w('col.over'),
        ],
        rightToLeft: rtl,
        widths: [34, 44, 18, 18, 12, 14, 12, 28],
      },
      rows: [[plain(reportTitle(lang, d.periods))], ...summary],
    },
    {
      head: {
        name: w('sheet.trend'),
        header: [
          w('col.bucket'),
          w('col.from'),
          w('col.to'),
          w('in.identified'),
          w('in.registered'),
          w('in.cnssPreRegistered'),
          w('in.amoCovered'),
          w('in.banked'),
        ],
        rightToLeft: rtl,
        widths: [28, 12, 12, 22, 22, 22, 22, 22],
      },
      rows: trend,
    },
    {
      head: {
        name: w('sheet.provinces'),
        header: [
          w('prov.code'),
          w('prov.place'),
          w('prov.identified'),
          w('prov.registered'),
          `${w('prov.rate')} (%)`,
          w('prov.cnss'),
          w('prov.amo'),
          w('prov.otherCover'),
          w('prov.banked'),
          w('prov.newFiles'),
          w('prov.newRegistered'),
          w('prov.newCnss'),
          w('prov.newAmo'),
          w('prov.newBanked'),
        ],
        rightToLeft: rtl,
        widths: [10, 30, 12, 12, 16, 12, 12, 14, 14, 20, 22, 24, 22, 22],
      },
      rows: provinces,
    },
  ])
}
