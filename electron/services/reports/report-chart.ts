import type { TrendBucket } from '@shared/reports/dashboard'
import type { ReportLanguage } from '@shared/reports/report'
import type { Flow } from '../documents/flow'
import { drawText, measureText } from '../documents/layout/draw'
import { layoutParagraph, type Direction } from '../documents/layout/paragraph'
import { INNER, PAGE, type Doc } from '../documents/page'

/**
 * The two charts of the report to the ministry (issue 8), drawn as vector shapes: the
 * trend (a pair of bars per week or month: files created, solid; RNA registrations,
 * hatched — told apart in grey print by their pattern, each bar carrying its figure)
 * and the funnel (one horizontal bar per step, to the scale of the identified, over a
 * light track, its count and rate at its end). In Arabic both run right to left: the
 * first week on the right, the bars growing leftwards from their labels.
 */
const INK = '#1f2421'
const ACCENT = '#1d5c4d'
const GRID = '#c9d2ce'
const TRACK = '#eef2f0'
const GREY = '#555555'

const sized = (dir: Direction, size: number) => (dir === 'rtl' ? size + 1 : size)

/** Width of one line of text as the layout sets it. */
function textWidth(text: string, size: number, direction: Direction, bold = false): number {
  const lines = layoutParagraph(text, {
    size,
    direction,
    width: 10_000,
    ...(bold ? { weight: 'bold' as const } : {}),
  })
  return Math.max(0, ...lines.map((l) => l.width))
}

/** Diagonal hatching inside a rectangle, then its outline. */
function hatched(doc: Doc, x: number, y: number, w: number, h: number): void {
  if (w <= 0 || h <= 0) return
  doc.save()
  doc.rect(x, y, w, h).clip()
  doc.lineWidth(0.8).strokeColor(ACCENT)
  for (let i = -h; i < w; i += 3.2)
    doc
      .moveTo(x + i, y + h)
      .lineTo(x + i + h, y)
      .stroke()
  doc.restore()
  doc.rect(x, y, w, h).lineWidth(0.9).strokeColor(ACCENT).stroke()
}

function solid(doc: Doc, x: number, y: number, w: number, h: number): void {
  if (w <= 0 || h <= 0) return
  doc.rect(x, y, w, h).fillColor(ACCENT).fill()
}

/** A grey line under a chart, counted in the chart's height so that it stays with it. */
function captionStyle(dir: Direction) {
  return { size: sized(dir, 7.5), width: INNER, direction: dir, color: GREY }
}
const captionHeight = (caption: string | undefined, dir: Direction) =>
  caption ? measureText(caption, captionStyle(dir)) + 4 : 0
function drawCaption(f: Flow, caption: string | undefined, dir: Direction): void {
  if (!caption) return
  drawText(f.doc, caption, { ...captionStyle(dir), x: PAGE.margin, y: f.y })
  f.y += captionHeight(caption, dir)
}

/** 0, a round step, …, at least `max`: 1, 2 or 5 times a power of ten. */
export function axisTicks(max: number, wanted = 4): number[] {
  if (max <= 0) return [0, 1]
  const raw = max / wanted
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const unit = Math.max(1, step)
  const ticks: number[] = []
  for (let v = 0; v < max + unit; v += unit) {
    ticks.push(v)
    if (v >= max) break
  }
  return ticks
}

export interface TrendChartText {
  lang: ReportLanguage
  legend: { identified: string; registered: string }
  /** Lines under each bucket (e.g. "sem. 40", "28/09–04/10"). */
  bucketLabel: (b: TrendBucket) => string[]
  number: (n: number) => string
  /** A line under the chart. */
  caption?: string
}

const LEGEND_H = 22
const PLOT_H = 140

function trendHeight(buckets: TrendBucket[], text: TrendChartText): number {
  const labelSize = sized(text.lang === 'ar' ? 'rtl' : 'ltr', 7.5)
  const labelLines = Math.max(1, ...buckets.map((b) => text.bucketLabel(b).length))
  return LEGEND_H + PLOT_H + labelLines * labelSize * 1.5 + 14
}

/** The height the trend chart takes, caption included (to keep its heading with it). */
export function trendChartHeight(buckets: TrendBucket[], text: TrendChartText): number {
  return (
    trendHeight(buckets, text) + captionHeight(text.caption, text.lang === 'ar' ? 'rtl' : 'ltr')
  )
}

/** The trend's bar chart, across the page, kept whole. */
export function trendChart(f: Flow, buckets: TrendBucket[], text: TrendChartText): void {
  const dir: Direction = text.lang === 'ar' ? 'rtl' : 'ltr'
  const doc = f.doc
  const labelSize = sized(dir, 7.5)
  const labels = buckets.map(text.bucketLabel)
  const height = trendHeight(buckets, text)
  f.room(height + captionHeight(text.caption, dir))
  const top = f.y

  // Legend, in reading order: solid swatch then its words, hatched swatch then its words.
  const legendSize = sized(dir, 8.5)
  const items = [
    { label: text.legend.identified, draw: solid },
    { label: text.legend.registered, draw: hatched },
  ]
  let at = 0
  for (const item of items) {
    const w = textWidth(item.label, legendSize, dir)
    const swatchX = dir === 'rtl' ? PAGE.margin + INNER - at - 14 : PAGE.margin + at
    item.draw(doc, swatchX, top + 3, 14, 10)
    const labelX = dir === 'rtl' ? swatchX - 6 - w : swatchX + 20
    drawText(doc, item.label, {
      x: labelX,
      y: top,
      width: w + 2,
      size: legendSize,
      direction: dir,
      color: INK,
      leading: 1.4,
    })
    at += 14 + 6 + w + 24
  }

  // Axis: tick values on the start side, light grid lines across.
  const all = buckets.flatMap((b) => [b.identified, b.registered])
  const ticks = axisTicks(Math.max(0, ...all))
  const top_ = ticks[ticks.length - 1] ?? 1
  const tickSize = 7.5
  const tickW = Math.max(...ticks.map((v) => textWidth(text.number(v), tickSize, 'ltr'))) + 10
  const plotTop = top + LEGEND_H + 10
  const plotBottom = plotTop + PLOT_H - 10
  const plotX = dir === 'rtl' ? PAGE.margin : PAGE.margin + tickW
  const plotW = INNER - tickW
  const yOf = (v: number) => plotBottom - (v / top_) * (plotBottom - plotTop)
  for (const v of ticks) {
    const y = yOf(v)
    doc
      .moveTo(plotX, y)
      .lineTo(plotX + plotW, y)
      .lineWidth(v === 0 ? 0.9 : 0.4)
      .strokeColor(v === 0 ? INK : GRID)
      .stroke()
    drawText(doc, text.number(v), {
      x: dir === 'rtl' ? plotX + plotW + 5 : PAGE.margin,
      y: y - tickSize * 0.8,
      width: tickW - 5,
      size: tickSize,
      direction: 'ltr',
      align: dir === 'rtl' ? 'start' : 'end',
      color: GREY,
      leading: 1.3,
    })
  }

  // Bars: a pair per bucket, the first bucket at the start side.
  const slot = plotW / Math.max(1, buckets.length)
  const barW = Math.min(34, slot * 0.3)
  const valueSize = 7
  buckets.forEach((b, i) => {
    const slotX = dir === 'rtl' ? plotX + plotW - (i + 1) * slot : plotX + i * slot
    const mid = slotX + slot / 2
    const pair = [
      { v: b.identified, draw: solid },
      { v: b.registered, draw: hatched },
    ]
    // The pair reads in the document's direction too: files created first.
    if (dir === 'rtl') pair.reverse()
    pair.forEach((bar, j) => {
      const x = mid - barW - 1.5 + j * (barW + 3)
      const y = yOf(bar.v)
      bar.draw(doc, x, y, barW, plotBottom - y)
      drawText(doc, text.number(bar.v), {
        x: x - 8,
        y: y - valueSize * 1.45 - 1,
        width: barW + 16,
        size: valueSize,
        direction: 'ltr',
        align: 'center',
        color: INK,
        leading: 1.3,
      })
    })
    let ly = plotBottom + 5
    for (const line of labels[i] ?? []) {
      ly += drawText(doc, line, {
        x: slotX + 2,
        y: ly,
        width: slot - 4,
        size: labelSize,
        direction: dir,
        align: 'center',
        color: INK,
        leading: 1.5,
      })
    }
  })
  f.y = top + height
  drawCaption(f, text.caption, dir)
}

export interface FunnelBar {
  label: string
  count: number
  /** What is printed at the bar's end (count, rate). */
  caption: string
}

/** Horizontal bars, one per step, to the scale of the first (the identified). */
export function funnelChart(
  f: Flow,
  bars: FunnelBar[],
  lang: ReportLanguage,
  caption?: string,
): void {
  const dir: Direction = lang === 'ar' ? 'rtl' : 'ltr'
  const doc = f.doc
  const size = sized(dir, 8.5)
  const labelW = 170
  const captionSize = 8
  const captionW = Math.max(...bars.map((b) => textWidth(b.caption, captionSize, 'ltr'))) + 8
  const barArea = INNER - labelW - 8 - captionW
  const labelStyle = { size, width: labelW, direction: dir, leading: 1.4 }
  const rowH = Math.max(17, ...bars.map((b) => measureText(b.label, labelStyle) + 3))
  f.room(rowH * bars.length + 6 + captionHeight(caption, dir))
  const scale = Math.max(1, bars[0]?.count ?? 1)
  bars.forEach((b, i) => {
    const y = f.y + i * rowH
    const labelX = dir === 'rtl' ? PAGE.margin + INNER - labelW : PAGE.margin
    drawText(doc, b.label, {
      ...labelStyle,
      x: labelX,
      y: y + (rowH - measureText(b.label, labelStyle)) / 2,
      align: 'end',
      color: INK,
    })
    const barH = Math.min(12, rowH - 6)
    const barY = y + (rowH - barH) / 2
    const trackX = dir === 'rtl' ? PAGE.margin + captionW : PAGE.margin + labelW + 8
    doc.rect(trackX, barY, barArea, barH).fillColor(TRACK).fill()
    const w = Math.max(b.count > 0 ? 1 : 0, (b.count / scale) * barArea)
    const barX = dir === 'rtl' ? trackX + barArea - w : trackX
    solid(doc, barX, barY, w, barH)
    drawText(doc, b.caption, {
      x: dir === 'rtl' ? PAGE.margin : trackX + barArea + 6,
      y: barY + barH / 2 - captionSize * 0.75,
      width: captionW - 4,
      size: captionSize,
      direction: 'ltr',
      align: dir === 'rtl' ? 'end' : 'start',
      color: INK,
      leading: 1.3,
    })
  })
  f.y += rowH * bars.length + 6
  drawCaption(f, caption, dir)
}
