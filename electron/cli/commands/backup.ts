import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { RestorePreview } from '@shared/api/methods/backup'
import { appError } from '@shared/errors'
import {
  applyPendingRestore,
  checkBackup,
  closedDeskFacts,
  discardCheck,
  previewOf,
  stageRestore,
} from '../../services/backup/restore'
import { FileKeyStore } from '../../services/database/key-store'
import { DATABASE_FILE, defaultDataDir } from '../../services/paths'
import { deskActor } from '../../services/settings/desk-actor'
import { translateError as translate } from '../../services/startup-error'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'

/**
 * `backup [--out FILE]` takes a backup now (into FILE, or the folder chosen in the
 * settings), with progress; Ctrl+C stops it and leaves nothing behind. `restore FILE
 * [--yes]` checks a backup and says what it would replace; with `--yes`, and the desk
 * closed, it replaces the database at once and keeps the old one beside it.
 */
function parse(
  args: string[],
  io: CliIO,
  spec: Record<string, { type: 'string' | 'boolean' }>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | null {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true })
  } catch (error) {
    io.err((error as Error).message)
    return null
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'an encrypted backup of the desk now, while it keeps working',
  usage: 'backup [--out FILE]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const parsed = parse(args, io, { out: { type: 'string' } })
    if (!parsed || parsed.positionals.length > 0) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    const out = parsed.values.out
    const api = app.direct()
    let jobId: string | null = null
    const onSignal = () => {
      if (jobId) void api.call('backup.cancel', { jobId })
    }
    process.once('SIGINT', onSignal)
    try {
      ;({ jobId } = await api.call(
        'backup.start',
        typeof out === 'string' ? { file: resolve(out) } : {},
      ))
      let shown = -10
      for (;;) {
        await new Promise((r) => setTimeout(r, 200))
        const s = await api.call('backup.jobStatus', { jobId })
        if (s.state === 'running') {
          if (s.percent - shown >= 10) {
            shown = s.percent
            io.err(`  ${Math.floor(s.percent)} %`)
          }
          continue
        }
        if (s.state === 'done') {
          io.out(translate(io.lang, 'backup.cli.done', { file: s.file ?? '' }))
          return EXIT.ok
        }
        throw appError('internal', s.error?.key ?? 'errors.backup_failed', s.error?.params)
      }
    } catch (error) {
      return reportError(io, error)
    } finally {
      process.removeListener('SIGINT', onSignal)
    }
  },
}

function printPreview(io: CliIO, p: RestorePreview, currentReadable: boolean): void {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(io.lang, key, params)
  const counts = (c: RestorePreview['backup']['counts']) =>
    t('backup.cli.counts', { artisans: c.artisans, documents: c.documents, sessions: c.sessions })
  io.out(t('backup.cli.backupLine', { at: p.backup.createdAt, counts: counts(p.backup.counts) }))
  if (!p.current.exists) io.out(t('backup.cli.noCurrent'))
  else if (!currentReadable) io.out(t('backup.cli.currentUnreadable'))
  else
    io.out(
      t('backup.cli.currentLine', {
        at: p.current.lastChangeAt ?? '-',
        counts: counts(p.current.counts),
      }),
    )
  if (!p.sameDesk) io.out(t('backup.cli.otherDesk', { desk: p.backup.deskName ?? p.backup.deskId }))
  if (p.migratedFrom !== null)
    io.out(t('backup.cli.migrated', { from: p.migratedFrom, to: p.schemaVersion }))
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'replace the desk database with a backup (the desk closed; the old one is kept)',
  usage: 'restore FILE [--yes]',
  needsApp: false,
  async run(args, io) {
    const parsed = parse(args, io, { yes: { type: 'boolean' } })
    const file = parsed?.positionals[0]
    if (!parsed || !file || parsed.positionals.length > 1) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    const dataDir = resolve(io.dataDir ?? defaultDataDir())
    const store = new FileKeyStore(dataDir)
    try {
      applyPendingRestore(dataDir) // an earlier swap a kill interrupted ends first
      const key = store.read()
      if (!key)
        throw appError('database', 'errors.backup_key_missing', { where: store.description })
      const current = closedDeskFacts(join(dataDir, DATABASE_FILE), key)
      const checked = await checkBackup(resolve(file), key, dataDir)
      const preview = previewOf(checked, current)
      printPreview(io, preview, current.readable)
      if (!parsed.values.yes) {
        discardCheck(checked)
        io.err(translate(io.lang, 'backup.cli.confirm'))
        return EXIT.failed
      }
      const actor = deskActor(checked.header.deskId, checked.header.deskName ?? undefined)
      await stageRestore(checked, key, current, { ...actor, name: `${actor.name} (CLI)` }, dataDir)
      const swapped = applyPendingRestore(dataDir)
      io.out(translate(io.lang, 'backup.cli.restored'))
      if (swapped?.beforeRestore)
        io.out(translate(io.lang, 'backup.cli.kept', { file: swapped.beforeRestore }))
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}
