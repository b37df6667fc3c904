import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { IDENTIFICATION_FIELDS, type IdentificationField } from '@shared/artisans/identification'
import { AppError } from '@shared/errors'
import { readImportBytes, readImportFile } from '../../services/import/read-file'
import { translateError } from '../../services/startup-error'
import { guessMapping } from '../../services/import/columns'
import { hasReport, writeErrorReport } from '../../services/import/error-report'
import { dataRowCount, importRows } from '../../services/import/run-import'
import { EXIT, type CliCommand, type CliIO } from '../command'

type Mapping = Record<number, IdentificationField>

/**
 * `--mapping M.json`: `{"header": "field"}`. A missing, unreadable or malformed file, a
 * header the list lacks or an unknown field is said in words (exit 2), never a stack trace.
 */
function readMapping(io: CliIO, path: string, header: string[]): Mapping | string {
  const say = (key: string, params: Record<string, string> = {}) =>
    translateError(io.lang, key, { file: path, ...params })
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return say('errors.import_mapping_missing')
  }
  let byHeader: unknown
  try {
    byHeader = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return say('errors.import_mapping_invalid')
  }
  if (typeof byHeader !== 'object' || byHeader === null || Array.isArray(byHeader))
    return say('errors.import_mapping_invalid')
  const mapping: Mapping = {}
  for (const [name, field] of Object.entries(byHeader)) {
    const index = header.indexOf(name)
    if (
      index < 0 ||
      typeof field !== 'string' ||
      !(IDENTIFICATION_FIELDS as readonly string[]).includes(field)
    )
      return say('errors.import_mapping_column', {
        column: name,
        field: String(field),
        fields: IDENTIFICATION_FIELDS.join(', '),
      })
    mapping[index] = field as IdentificationField
  }
  return mapping
}

/**
 * `import FILE.xlsx|FILE.csv [--mapping M.json] [--dry-run]`: an identification list into the
 * register. Columns are recognised from the header (or given as {"header": "field"}); the
 * summary says what was created, matched, rejected, empty and held for a person to decide
 * (they add up to the list's data rows); rejected and held rows go to FILE.errors.csv.
 * Ctrl+C stops between batches (what was imported stays, and importing again resumes
 * without duplicates). Exit 0 when the list was imported, 1 when it could not be read
 * (too big, not a file, empty, no data row, not a workbook, unknown encoding, no column
 * recognised), 2 for wrong usage or a bad mapping file.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import an identification list (XLSX or CSV) into the register',
  usage: 'import FILE.xlsx|FILE.csv [--mapping MAPPING.json] [--dry-run]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let parsed
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { mapping: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      })
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error))
      return EXIT.usage
    }
    const [file] = parsed.positionals
    if (!file || parsed.positionals.length !== 1) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    let rows: string[][]
    try {
      rows = readImportFile(readImportBytes(file), file)
    } catch (error) {
      io.err(
        error instanceof AppError
          ? translateError(io.lang, error.data.key, error.data.params)
          : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      )
      return EXIT.failed
    }
    const header = rows[0] ?? []
    let mapping = guessMapping(header)
    if (parsed.values.mapping) {
      const given = readMapping(io, parsed.values.mapping, header)
      if (typeof given === 'string') {
        io.err(given)
        return EXIT.usage
      }
      mapping = given
    }
    if (Object.keys(mapping).length === 0) {
      io.err(translateError(io.lang, 'errors.import_no_columns'))
      return EXIT.failed
    }
    io.err(
      `Columns: ${
        Object.entries(mapping)
          .map(([i, f]) => `"${header[Number(i)]}" → ${f}`)
          .join(', ') || '(none recognised)'
      }`,
    )
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    try {
      const summary = await importRows(app.db, app.actor(), rows, mapping, {
        dryRun: parsed.values['dry-run'] ?? false,
        source: `import:${file.split(/[\\/]/).pop() ?? file}`,
        shouldStop: () => stop,
        onProgress: (done, total) => io.err(`  ${done} / ${total}`),
      })
      io.out(
        `${parsed.values['dry-run'] ? 'dry run: ' : ''}${summary.created} created, ${summary.matched} matched, ${summary.rejected} rejected, ${summary.empty} empty, ${summary.held} held, of ${dataRowCount(rows)} rows${summary.cancelled ? ' (stopped early: Ctrl+C)' : ''}`,
      )
      if (hasReport(summary)) {
        const report = `${file.replace(/\.[^./\\]+$/, '')}.errors.csv`
        writeErrorReport(report, header, rows, summary, io.lang)
        if (summary.held > 0)
          io.out(translateError(io.lang, 'import.heldCli', { count: summary.held, report }))
        io.out(`rejected and held rows, and why: ${report}`)
      }
      return EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
