import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { IDENTIFICATION_FIELDS, type IdentificationField } from '@shared/artisans/identification'
import { AppError } from '@shared/errors'
import { readImportFile } from '../../services/import/read-file'
import { translateError } from '../../services/startup-error'
import { guessMapping } from '../../services/import/columns'
import { writeErrorReport } from '../../services/import/error-report'
import { importRows } from '../../services/import/run-import'
import { EXIT, type CliCommand } from '../command'

/**
 * `import FILE.xlsx|FILE.csv [--mapping M.json] [--dry-run]`: an identification list into the
 * register. Columns are recognised from the header (or given as {"header": "field"}); the
 * summary says what was created, matched, rejected and empty; rejected rows go to
 * FILE.errors.csv. Ctrl+C stops between batches (what was imported stays, and importing
 * again resumes without duplicates).
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
      rows = readImportFile(readFileSync(file))
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
      const byHeader = JSON.parse(readFileSync(parsed.values.mapping, 'utf8')) as Record<
        string,
        string
      >
      mapping = {}
      for (const [name, field] of Object.entries(byHeader)) {
        const index = header.indexOf(name)
        if (index < 0 || !(IDENTIFICATION_FIELDS as readonly string[]).includes(field)) {
          io.err(
            `Mapping: no column "${name}" or no field "${field}". Fields: ${IDENTIFICATION_FIELDS.join(', ')}`,
          )
          return EXIT.usage
        }
        mapping[index] = field as IdentificationField
      }
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
        `${parsed.values['dry-run'] ? 'dry run: ' : ''}${summary.created} created, ${summary.matched} matched, ${summary.rejected} rejected, ${summary.empty} empty${summary.cancelled ? ' (stopped early: Ctrl+C)' : ''}`,
      )
      if (summary.rejected > 0) {
        const report = `${file.replace(/\.[^./\\]+$/, '')}.errors.csv`
        writeErrorReport(report, header, rows, summary, io.lang)
        io.out(`rejected rows and why: ${report}`)
      }
      return EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
