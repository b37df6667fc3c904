import type { ListFilter } from '@shared/artisans/list'
import type { ArtisanSummary } from '@shared/artisans/records'
import type { Language } from '@shared/settings/language'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { sql } from '../database/statements'
import type { Db } from '../database/open'
import { translateError as translate } from '../startup-error'
import { CSV_BOM, csvLine } from '../spreadsheet/csv-write'
import { createXlsxWriter, dayCell, type Cell } from '../spreadsheet/xlsx-write'
import { SUMMARY_COLUMNS } from './columns'
import { pageFilterSql } from './list'

/**
 * Exports the filtered register as CSV or XLSX, for people: headers in the chosen
 * language (the same words the import recognises, so an export can be imported again),
 * territories and activities by name, statuses in words, phones as written in Morocco.
 * Page by page, so memory stays flat at any size; progress reported; `shouldStop` cancels
 * (and the result says so).
 */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

interface ExportRow extends ArtisanSummary {
  sex: string | null
  regionCode: string | null
  provinceCode: string | null
  rnaRegisteredAt: string | null
  createdAt: string
}

/**
 * Dates: in XLSX, real date cells shown `dd/mm/yyyy` (Excel sorts and filters them as
 * dates); in CSV, ISO `yyyy-mm-dd` — the one way of writing a day that no spreadsheet or
 * program reads month first, whatever its locale (docs/documents.md#dates). Both import
 * back as they were.
 */
interface Column {
  label: string
  width: number
  value: (a: ExportRow, n: Names) => string | null
  /** The value is an ISO day. */
  day?: true
}

const COLUMNS: Column[] = [
  { label: 'artisan.cin', width: 12, value: (a) => a.cin },
  { label: 'artisan.nia', width: 14, value: (a) => a.nia },
  { label: 'register.firstNameAr', width: 16, value: (a) => a.firstNameAr },
  { label: 'register.lastNameAr', width: 18, value: (a) => a.lastNameAr },
  { label: 'register.firstNameLat', width: 16, value: (a) => a.firstNameLat },
  { label: 'register.lastNameLat', width: 18, value: (a) => a.lastNameLat },
  { label: 'register.organisationName', width: 22, value: (a) => a.organisationName || null },
  { label: 'artisan.actorType', width: 16, value: (a, n) => n.label('actorType', a.actorType) },
  { label: 'register.sex', width: 8, value: (a, n) => n.label('sex', a.sex) },
  { label: 'register.birthDate', width: 12, value: (a) => a.birthDate, day: true },
  {
    label: 'export.phone',
    width: 16,
    value: (a) => (a.phone ? formatMoroccanPhone(a.phone) : null),
  },
  { label: 'export.region', width: 20, value: (a, n) => n.place('region', a.regionCode) },
  { label: 'register.province', width: 20, value: (a, n) => n.place('province', a.provinceCode) },
  { label: 'register.commune', width: 20, value: (a, n) => n.place('commune', a.communeCode) },
  {
    label: 'artisan.mainActivity',
    width: 28,
    value: (a, n) => n.place('activity', a.mainActivity),
  },
  { label: 'list.rnaStatus', width: 16, value: (a, n) => n.label('rnaStatus', a.rnaStatus) },
  { label: 'list.coverStatus', width: 18, value: (a, n) => n.label('coverStatus', a.coverStatus) },
  { label: 'list.bankStatus', width: 18, value: (a, n) => n.label('bankStatus', a.bankStatus) },
  { label: 'export.registeredAt', width: 12, value: (a) => a.rnaRegisteredAt, day: true },
  { label: 'export.createdAt', width: 12, value: (a) => a.createdAt.slice(0, 10), day: true },
]

type Place = 'region' | 'province' | 'commune' | 'activity'
const PLACE_TABLE: Record<Place, string> = {
  region: 'ref_region',
  province: 'ref_province',
  commune: 'ref_commune',
  activity: 'ref_activity',
}

interface Names {
  label: (group: string, code: string | null) => string | null
  place: (kind: Place, code: string | null) => string | null
}

/** Reference names in the export's language (Arabic for Arabic, French otherwise). */
function namesFor(db: Db, language: Language): Names {
  const column = language === 'ar' ? 'name_ar' : 'name_fr'
  const places = new Map<string, string>()
  for (const [kind, table] of Object.entries(PLACE_TABLE))
    for (const r of db.prepare(`SELECT code, ${column} AS name FROM ${table}`).all() as {
      code: string
      name: string
    }[])
      places.set(`${kind}:${r.code}`, r.name)
  return {
    label: (group, code) => (code ? translate(language, `enums.${group}.${code}`) : null),
    place: (kind, code) => (code ? (places.get(`${kind}:${code}`) ?? code) : null),
  }
}

export function exportHeader(language: Language): string[] {
  return COLUMNS.map((c) => translate(language, c.label))
}

export interface ExportOptions {
  format: ExportFormat
  filter: ListFilter
  language: Language
  /** Receives the file's bytes in order. */
  write: (chunk: Uint8Array) => void
  onProgress?: (rows: number) => void
  shouldStop?: () => boolean
}

/** Yields to the event loop between pages, so a host stays responsive (status, cancel). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function exportRegister(
  db: Db,
  options: ExportOptions,
): Promise<{ rows: number; cancelled: boolean }> {
  const names = namesFor(db, options.language)
  const header = exportHeader(options.language)
  const xlsx =
    options.format === 'xlsx'
      ? createXlsxWriter(
          {
            name: translate(options.language, 'export.sheet'),
            header,
            rightToLeft: options.language === 'ar',
            widths: COLUMNS.map((c) => c.width),
          },
          options.write,
        )
      : null
  const utf8 = new TextEncoder()
  if (!xlsx) options.write(utf8.encode(CSV_BOM + csvLine(header)))
  const { where, params } = pageFilterSql(db, options.filter)
  const page = (after: number) =>
    sql(
      db,
      `SELECT num, ${SUMMARY_COLUMNS}, sex, region_code AS regionCode,
         province_code AS provinceCode, rna_registered_at AS rnaRegisteredAt,
         created_at AS createdAt
       FROM artisan WHERE ${where} AND num < ? ORDER BY num DESC LIMIT 2000`,
    ).all(...params, after) as (ExportRow & { num: number })[]
  let rows = 0
  let after = Number.MAX_SAFE_INTEGER
  let cancelled = false
  for (;;) {
    if (options.shouldStop?.()) {
      cancelled = true
      break
    }
    const items = page(after)
    const values: Cell[][] = items.map((a) =>
      COLUMNS.map((c) => (xlsx && c.day ? dayCell(c.value(a, names)) : c.value(a, names))),
    )
    if (xlsx) xlsx.addRows(values)
    else if (values.length) options.write(utf8.encode(values.map(csvLine).join('')))
    rows += values.length
    options.onProgress?.(rows)
    const last = items[items.length - 1]
    if (items.length < 2000 || !last) break
    after = last.num
    await breathe()
  }
  xlsx?.end()
  return { rows, cancelled }
}
