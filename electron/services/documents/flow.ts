import { measureText } from './layout/draw'
import { LABEL, PAGE, row, VALUE_WIDTH, type Doc } from './page'

/**
 * Content that runs over several pages: before each block, `room` checks it fits above
 * the footer and otherwise starts a new page (with the document's continuation header).
 * A block is never cut between pages.
 */
export const BOTTOM = PAGE.height - PAGE.margin - 26

export class Flow {
  constructor(
    readonly doc: Doc,
    public y: number,
    private readonly continued: (doc: Doc) => number,
  ) {}

  /** Makes room for `height` points: a new page when this one has less left. */
  room(height: number): void {
    if (this.y + height <= BOTTOM) return
    this.doc.addPage()
    this.y = this.continued(this.doc)
  }

  /** A label row (page.ts `row`) kept whole on one page. */
  row(labels: { fr: string; ar: string }, values: { text: string; direction: 'rtl' | 'ltr' }[]) {
    this.room(rowHeight(labels, values))
    this.y = row(this.doc, this.y, labels, values)
  }
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
