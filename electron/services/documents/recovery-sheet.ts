import { ltr } from '@shared/text/bidi'
import { formatDay } from '@shared/text/dates'
import { drawText } from './layout/draw'
import {
  bilingual,
  both,
  footer,
  header,
  INNER,
  newDocument,
  PAGE,
  row,
  t,
  title,
  toBuffer,
  value,
  type Chamber,
} from './page'

/**
 * The sheet an administrator prints at setup (or after a new code) and keeps away from
 * the PC: the recovery code in large type, six numbered boxes always left to right (the
 * error for a typo names the box), which desk and which key it belongs to, and what to
 * do with it, in Arabic and French. Through the same layout module as every document.
 */
export interface RecoverySheet {
  code: string
  deskName: string
  createdAt: string
  keyId: string
}

const BOX_GAP = 16
const BOX_HEIGHT = 64
const INK = '#1f2421'
const GREY = '#5b625e'
const RULE = '#1d5c4d'

function codeBoxes(doc: ReturnType<typeof newDocument>, code: string, top: number): number {
  const groups = code.split('-')
  const perRow = 3
  const width = (INNER - (perRow - 1) * BOX_GAP) / perRow
  groups.forEach((group, i) => {
    const x = PAGE.margin + (i % perRow) * (width + BOX_GAP)
    const y = top + Math.floor(i / perRow) * (BOX_HEIGHT + 26)
    drawText(doc, String(i + 1), { x, y, width, size: 9, direction: 'ltr', color: GREY })
    doc
      .roundedRect(x, y + 14, width, BOX_HEIGHT, 6)
      .lineWidth(1.4)
      .strokeColor(RULE)
      .stroke()
    drawText(doc, group, {
      x,
      y: y + 26,
      width,
      size: 30,
      weight: 'bold',
      direction: 'ltr',
      align: 'center',
      color: INK,
    })
  })
  return top + Math.ceil(groups.length / perRow) * (BOX_HEIGHT + 26) + 4
}

export async function renderRecoverySheet(
  sheet: RecoverySheet,
  chamber: Chamber,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const doc = newDocument(t('fr', 'recovery.sheet.title'))
  let y = header(doc, chamber, warnings)
  y = title(doc, 'recovery.sheet.title', y + 4, false)
  y = row(doc, y + 4, both('recovery.sheet.desk'), [value(sheet.deskName, 'rtl')])
  y = row(doc, y, both('recovery.sheet.createdAt'), [value(formatDay(sheet.createdAt))])
  y = row(doc, y, both('recovery.sheet.keyId'), [value(sheet.keyId)])
  y = codeBoxes(doc, sheet.code, y + 14)
  drawText(doc, sheet.code, {
    x: PAGE.margin,
    y,
    width: INNER,
    size: 11,
    direction: 'ltr',
    align: 'center',
    color: GREY,
  })
  y += 30
  for (const key of ['what', 'keep', 'use', 'replaced'] as const) {
    const params = { command: ltr('recover-key --code …'), keyId: ltr(sheet.keyId) }
    y = bilingual(
      doc,
      y,
      t('ar', `recovery.sheet.${key}`, params),
      t('fr', `recovery.sheet.${key}`, params),
      10,
    )
  }
  footer(doc, `Sijill — key-recovery.json — ${sheet.keyId}`)
  return { pdf: await toBuffer(doc), warnings }
}
