import { measureText } from './layout/draw'
import { LABEL, PAGE, row, VALUE_WIDTH, type Doc } from './page'

/**
 * Content that runs over several pages: before each block, `room` checks it fits above
 * the footer and otherwise starts a new page (with the document's continuation header).
 * A block is never cut between pages, and a heading never ends a page: `keepWithNext`
 * moves it to the next page unless at least two of its rows fit below it
 * (`KEEP_WITH_NEXT`; every document with headings over rows or tables goes through it).
 */
export const BOTTOM = PAGE.height - PAGE.margin - 26

export class Flow {
  constructor(
    readonly doc: Doc,
    public y: number,
    private readonly continued: (doc: Doc) => number,
    /** Where content stops on each page (above the document's footer). */
    readonly bottom = BOTTOM,
  ) {}

  /** Makes room for `height` points: a new page when this one has less left. */
  room(height: number): void {
    if (this.y + height <= this.bottom) return
    this.doc.addPage()
    this.y = this.continued(this.doc)
  }

  /**
   * Keep-with-next: room for a heading `height` points tall and the first rows under it
   * (their heights, in order; a table's header row counts as part of the heading).
   */
  keepWithNext(height: number, rows: readonly number[]): void {
    this.room(height + keptRows(rows))
  }

  /** A label row (page.ts `row`) kept whole on one page. */
  row(labels: { fr: string; ar: string }, values: { text: string; direction: 'rtl' | 'ltr' }[]) {
    this.room(rowHeight(labels, values))
    this.y = row(this.doc, this.y, labels, values)
  }
}

/** A heading stays on the page only with this many of its rows (fewer when it has fewer). */
export const KEEP_WITH_NEXT = 2

/** The height of the rows a heading is kept with. */
export function keptRows(rows: readonly number[]): number {
  return rows.slice(0, KEEP_WITH_NEXT).reduce((sum, h) => sum + h, 0)
}

/** The height `row` will take (its labels may wrap too). */
export function rowHeight(
  labels: { fr: string; ar: string },
  values: { text: string; direction: 'rtl' | 'ltr' }[],
): number {
  const valueHeight = values
    .filter((v) => v.text)
    .reduce(
      (h, v) =>
        h +
        measureText(v.text, {
          size: 11,
          width: VALUE_WIDTH,
          direction: v.direction,
          align: 'center',
        }),
      0,
    )
  const labelHeight = Math.max(
    measureText(labels.fr, { size: 9, width: LABEL, direction: 'ltr' }),
    measureText(labels.ar, { size: 10, width: LABEL, direction: 'rtl' }),
  )
  return Math.max(valueHeight, labelHeight, 18) + 2
}
