import { keptRows, type Flow } from './flow'
import { drawText, measureText } from './layout/draw'
import type { Align, Direction } from './layout/paragraph'
import { INNER, PAGE, type Doc } from './page'

/**
 * A ruled table over as many A4 pages as its rows need (attendance sheet, session
 * report): the header row is drawn again at the top of every page, a row is never cut
 * between pages, and in a right-to-left document the first column is on the right.
 * Keep-with-next (flow.ts): the header row starts a page only with two rows under it, and
 * a heading over the table asks `lead(rows)` for the room it must keep below itself.
 * A cell holds lines of text (each in its own direction) and/or a box to tick.
 */
export interface Column {
  label: string
  /** Share of the page's inner width. */
  share: number
  align?: Align
}

export interface CellLine {
  text: string
  direction: Direction
  color?: string
}

export interface Cell {
  lines?: CellLine[]
  /** A box to tick by hand, empty or already ticked. */
  tick?: 'empty' | 'ticked'
}

const PAD = 4
const RULE = '#9aa8a2'
const HEAD = '#e6eeea'
const SIZE = 9
const LEADING = 1.45

function positions(columns: Column[], direction: Direction): { x: number; width: number }[] {
  const total = columns.reduce((s, c) => s + c.share, 0)
  let at = 0
  return columns.map((c) => {
    const width = (c.share / total) * INNER
    const x = direction === 'rtl' ? PAGE.margin + INNER - at - width : PAGE.margin + at
    at += width
    return { x, width }
  })
}

const lineSize = (l: CellLine) => (l.direction === 'rtl' ? SIZE + 1 : SIZE)

function cellHeight(cell: Cell, width: number): number {
  const text = (cell.lines ?? []).reduce(
    (h, l) =>
      h +
      measureText(l.text, {
        size: lineSize(l),
        width: width - 2 * PAD,
        direction: l.direction,
        leading: LEADING,
      }),
    0,
  )
  return Math.max(text, cell.tick ? 12 : 0)
}

function tick(doc: Doc, x: number, y: number, checked: boolean): void {
  const s = 10
  doc
    .rect(x - s / 2, y - s / 2, s, s)
    .lineWidth(0.8)
    .strokeColor('#3b4540')
    .stroke()
  if (!checked) return
  doc
    .moveTo(x - s / 2 + 2, y)
    .lineTo(x - 1, y + s / 2 - 2)
    .lineTo(x + s / 2 + 1.5, y - s / 2 - 1.5)
    .lineWidth(1.6)
    .strokeColor('#1d5c4d')
    .stroke()
}

export class Table {
  private readonly at: { x: number; width: number }[]

  constructor(
    private readonly f: Flow,
    private readonly columns: Column[],
    private readonly direction: Direction,
    /** Least height of a row (room to sign). */
    private readonly rowMin = 18,
  ) {
    this.at = positions(columns, direction)
  }

  private headerHeight(): number {
    return Math.max(
      ...this.columns.map((c, i) =>
        measureText(c.label, {
          size: SIZE,
          weight: 'bold',
          width: (this.at[i]?.width ?? 0) - 2 * PAD,
          direction: this.direction,
          align: 'center',
        }),
      ),
    )
  }

  /** The height `row(cells)` will take. */
  rowHeight(cells: Cell[]): number {
    const heights = cells.map((c, i) => cellHeight(c, this.at[i]?.width ?? 0))
    return Math.max(this.rowMin, Math.max(...heights) + 2 * PAD)
  }

  /** The header row and the first rows it is kept with: what a heading over the table keeps. */
  lead(rows: Cell[][] = []): number {
    return this.headerHeight() + 2 * PAD + keptRows(this.heights(rows))
  }

  private heights(rows: Cell[][]): number[] {
    return rows.slice(0, 2).map((r) => this.rowHeight(r))
  }

  /**
   * The header row at the cursor (called again on every new page), kept with the first
   * rows that follow it (`next`; room for one row of the least height when not given).
   */
  header(next?: Cell[][]): void {
    const { doc } = this.f
    const h = this.headerHeight() + 2 * PAD
    if (next?.length) this.f.keepWithNext(h, this.heights(next))
    else this.f.room(h + this.rowMin)
    const y = this.f.y
    doc.rect(PAGE.margin, y, INNER, h).fillColor(HEAD).fill()
    this.columns.forEach((c, i) => {
      const { x, width } = this.at[i] as { x: number; width: number }
      drawText(doc, c.label, {
        x: x + PAD,
        y: y + PAD,
        width: width - 2 * PAD,
        size: SIZE,
        weight: 'bold',
        direction: this.direction,
        align: 'center',
        color: '#1f2421',
      })
    })
    this.grid(y, h)
    this.f.y = y + h
  }

  private grid(y: number, h: number): void {
    const { doc } = this.f
    doc.rect(PAGE.margin, y, INNER, h).lineWidth(0.6).strokeColor(RULE).stroke()
    for (const { x } of this.at) {
      if (Math.abs(x - PAGE.margin) < 0.5) continue
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke()
    }
  }

  row(cells: Cell[]): void {
    const { doc } = this.f
    const heights = cells.map((c, i) => cellHeight(c, this.at[i]?.width ?? 0))
    const h = this.rowHeight(cells)
    if (this.f.y + h > this.f.bottom) {
      this.f.room(Infinity)
      this.header()
    }
    const y = this.f.y
    cells.forEach((cell, i) => {
      const { x, width } = this.at[i] as { x: number; width: number }
      const align = this.columns[i]?.align ?? 'start'
      let ty = y + (h - (heights[i] ?? 0)) / 2
      if (cell.tick) tick(doc, x + width / 2, y + h / 2, cell.tick === 'ticked')
      for (const line of cell.lines ?? []) {
        ty += drawText(doc, line.text, {
          x: x + PAD,
          y: ty,
          width: width - 2 * PAD,
          size: lineSize(line),
          direction: line.direction,
          // Lines of the other direction line up on the same side as the table's own.
          align: align === 'start' && line.direction !== this.direction ? 'end' : align,
          color: line.color ?? '#1f2421',
          leading: LEADING,
        })
      }
    })
    this.grid(y, h)
    this.f.y = y + h
  }
}
