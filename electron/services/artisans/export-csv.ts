import { createWriteStream } from 'node:fs'
import type { ListFilter } from '@shared/artisans/list'
import type { Db } from '../database/open'
import { listArtisans } from './list'

/**
 * Exports the filtered register as CSV (UTF-8 with BOM, so Excel reads Arabic), page by
 * page so memory stays flat at any size. Progress is reported; `shouldStop` cancels, and
 * a cancelled export says so in its result (the partial file is left for inspection).
 */
export const CSV_COLUMNS = [
  'id',
  'cin',
  'nia',
  'firstNameAr',
  'lastNameAr',
  'firstNameLat',
  'lastNameLat',
  'organisationName',
  'actorType',
  'phone',
  'birthDate',
  'communeCode',
  'mainActivity',
  'rnaStatus',
  'coverStatus',
  'bankStatus',
] as const

/** One CSV field: quoted when needed; text a spreadsheet would run as a formula is defused. */
export function csvField(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value)
  const text = /^[=@]/.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function exportCsv(
  db: Db,
  file: string,
  filter: ListFilter,
  options: { onProgress?: (rows: number) => void; shouldStop?: () => boolean } = {},
): Promise<{ rows: number; cancelled: boolean }> {
  const out = createWriteStream(file, { encoding: 'utf8' })
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text) ? resolve() : out.once('drain', resolve).once('error', reject),
    )
  await write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)
  let rows = 0
  let after: number | undefined
  let cancelled = false
  for (;;) {
    if (options.shouldStop?.()) {
      cancelled = true
      break
    }
    const page = listArtisans(db, { filter, after, limit: 2000 })
    const lines = page.items
      .map((a) => CSV_COLUMNS.map((c) => csvField(a[c])).join(','))
      .join('\r\n')
    if (lines) await write(`${lines}\r\n`)
    rows += page.items.length
    options.onProgress?.(rows)
    if (page.next === null) break
    after = page.next
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return { rows, cancelled }
}
