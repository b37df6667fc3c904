import { spawn, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { seedArtisans } from '../../electron/services/seed/generate'
import {
  createFileAtomic,
  sweepPartials,
  writeAtomically,
  writeFileAtomic,
} from '../../electron/services/files/atomic-write'
import { sweepStaleWork } from '../../electron/services/files/stale-work'
import { hostToken } from '../../electron/host/host-token'
import {
  applyPendingRestore,
  PENDING_RESTORE,
  RESTORE_SWAP,
  type SwapStep,
} from '../../electron/services/backup/restore'
import { openDatabase } from '../../electron/services/database/open'
import {
  FileKeyStore,
  KEY_FILE_NAME,
  loadOrCreateKey,
} from '../../electron/services/database/key-store'
import { DATABASE_FILE } from '../../electron/services/paths'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/**
 * Work stopped outright (SIGKILL: no cleanup, as a power cut or a dead battery) leaves
 * either the whole file under its final name or none, and the temporary files it leaves
 * are swept: by the next write into the same folder, and by the next start of the desk.
 */
const ROOT = join(__dirname, '../..')
const REGISTER = 30_000
let dir: string
let cleanup: () => void

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  const app = openTestDesk(dir)
  try {
    await app.direct().call('setup.complete', VALID_SETUP)
    seedArtisans(app.db, app.actor(), { count: REGISTER, seed: 7, region: 'all' })
  } finally {
    app.close()
  }
}, 60_000)
afterAll(() => cleanup())

/** The CLI as its own process (`node --import tsx`), as a desk runs it. */
function cli(...args: string[]): ChildProcess & { stderr: NonNullable<ChildProcess['stderr']> } {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), '--data-dir', dir, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SIJILL_LOG: 'debug' } },
  ) as ChildProcess & { stderr: NonNullable<ChildProcess['stderr']> }
}

function run(...args: string[]): Promise<{ code: number | null; err: string }> {
  const child = cli(...args)
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  child.stdout?.resume()
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, err })))
}

/** Starts the CLI, waits until `ready()` (or the child ends), waits `delayMs`, kills it. */
async function killWhen(args: string[], ready: () => boolean, delayMs: number): Promise<boolean> {
  const child = cli(...args)
  child.stdout?.resume()
  child.stderr.resume()
  let exited = false
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  const end = Date.now() + 20_000
  while (!exited && !ready() && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
  const killed = !exited && child.kill('SIGKILL')
  await gone
  return killed
}

const partials = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.partial'))
const staging = () => readdirSync(dir).filter((n) => n.startsWith('.backup-staging-'))
const csvRows = (file: string) =>
  readFileSync(file, 'utf8').split('\r\n').filter(Boolean).length - 1
const xlsxRows = (file: string) => readXlsx(readFileSync(file)).length - 1

/** A pid that surely ran and ended: a child that has exited. */
async function pidOfEndedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  const pid = child.pid as number
  await new Promise((r) => child.once('exit', r))
  return pid
}

describe('a file written atomically', () => {
  it('a write that throws midway leaves no file under the final name and no .partial', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const final = join(folder, 'register.csv')
      await expect(
        writeAtomically(final, (write) => {
          write('CIN;Nom\r\n')
          write('AB123456;Alaoui\r\n')
          throw new Error('disk full')
        }),
      ).rejects.toThrow('disk full')
      expect(readdirSync(folder)).toEqual([])

      writeFileSync(final, 'the earlier export\n')
      await writeAtomically(final, (write) => write('cancelled'), { keep: () => false })
      expect(readFileSync(final, 'utf8')).toBe('the earlier export\n')
      writeFileAtomic(final, 'whole\n')
      expect(readFileSync(final, 'utf8')).toBe('whole\n')
      expect(readdirSync(folder)).toEqual(['register.csv'])
    } finally {
      done()
    }
  })

  it('the sweep removes the .partial files of stopped writers, not of running ones', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const deadPid = await pidOfEndedProcess()
      const dead = join(folder, `.e.csv.${deadPid}.0a1b.partial`)
      const live = join(folder, `.e.csv.${process.pid}.0a1b.partial`)
      for (const f of [dead, live]) {
        writeFileSync(f, 'half')
        utimesSync(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
      }
      expect(sweepPartials(folder, Date.now())).toBe(1)
      expect(readdirSync(folder)).toEqual([`.e.csv.${process.pid}.0a1b.partial`])
    } finally {
      done()
    }
  })
})

describe('the key file and the host token', () => {
  it('are written whole with mode 0600, and a key file in place is never replaced', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const store = new FileKeyStore(folder)
      const { key, created } = loadOrCreateKey(store)
      expect(created).toBe(true)
      const file = join(folder, KEY_FILE_NAME)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const kept = readFileSync(file, 'utf8')
      expect(() => store.write(Buffer.alloc(32, 7))).toThrow(/EEXIST/)
      expect(() => createFileAtomic(file, 'another key\n')).toThrow(/EEXIST/)
      expect(readFileSync(file, 'utf8')).toBe(kept)

      // Two processes creating the key at once: the one that comes second takes the first's.
      let first = true
      const racing = {
        description: store.description,
        read: () => (first ? ((first = false), null) : store.read()),
        write: (k: Buffer) => store.write(k),
      }
      expect(loadOrCreateKey(racing)).toEqual({ key, created: false })

      const token = hostToken(folder)
      expect(hostToken(folder)).toBe(token)
      const renewed = hostToken(folder, { renew: true })
      expect(renewed).not.toBe(token)
      expect(statSync(join(folder, 'host-token')).mode & 0o777).toBe(0o600)
      expect(readdirSync(folder).sort()).toEqual(['host-token', KEY_FILE_NAME])
    } finally {
      done()
    }
  })

  it('half-written key and token files a kill left are swept at the next start', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const deadPid = await pidOfEndedProcess()
      const left = [
        `.${KEY_FILE_NAME}.${deadPid}.0a1b.partial`,
        `.host-token.${deadPid}.0a1b.partial`,
        `${KEY_FILE_NAME}.tmp`,
        `${KEY_FILE_NAME}.sealed.tmp`,
      ]
      for (const name of left) {
        const f = join(folder, name)
        writeFileSync(f, '0a1b')
        utimesSync(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
      }
      expect(sweepStaleWork(folder, [], Date.now())).toBe(left.length)
      expect(readdirSync(folder)).toEqual([])
      expect(loadOrCreateKey(new FileKeyStore(folder)).created).toBe(true)
    } finally {
      done()
    }
  })
})

describe('work killed midway', () => {
  it('a killed export leaves no file or a whole one; running it again sweeps the .partial', async () => {
    const out = join(dir, 'exports')
    mkdirSync(out)
    let killedMidway = 0
    for (const format of ['csv', 'xlsx'] as const) {
      for (const delayMs of [0, 300, 1500]) {
        const file = join(out, `e-${delayMs}.${format}`)
        const killed = await killWhen(
          ['export', '--format', format, '--out', file],
          () => partials(out).some((n) => n.startsWith(`.${basename(file)}.`)),
          delayMs,
        )
        if (existsSync(file))
          expect(format === 'csv' ? csvRows(file) : xlsxRows(file)).toBe(REGISTER)
        else if (killed) killedMidway++
      }
    }
    expect(killedMidway).toBeGreaterThan(0)
    expect(partials(out).length).toBeGreaterThan(0)

    // Run the job again (what the docs say to do): a whole file, nothing left beside it.
    const again = await run('export', '--format', 'csv', '--out', join(out, 'e-0.csv'))
    expect(again.code).toBe(0)
    expect(csvRows(join(out, 'e-0.csv'))).toBe(REGISTER)
    expect(partials(out)).toEqual([])
  }, 60_000)

  it('a killed backup leaves no backup under its name, and the next start sweeps the staging', async () => {
    const backups = join(dir, 'backups')
    // Killed in the snapshot (staging copy being made), then in the copy into the folder.
    await killWhen(['backup'], () => staging().length > 0, 0)
    expect(staging().length).toBeGreaterThan(0)
    await killWhen(['backup'], () => existsSync(backups) && partials(backups).length > 0, 0)
    const finished = existsSync(backups)
      ? readdirSync(backups).filter((n) => n.endsWith('.sijill-backup'))
      : []
    // A backup that did finish before the kill is whole; none is half written.
    expect(finished.length).toBeLessThanOrEqual(1)

    const next = await run('audit', 'verify')
    expect(next.code).toBe(0)
    const swept = /removed temporary files a stopped job left \{"swept":(\d+)\}/.exec(next.err)
    expect(Number(swept?.[1])).toBeGreaterThan(0)
    expect(staging()).toEqual([])
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([])
    if (existsSync(backups)) expect(partials(backups)).toEqual([])

    const app = openTestDesk(dir)
    try {
      expect(app.db.prepare('SELECT count(*) FROM artisan').pluck().get()).toBe(REGISTER)
      expect((await app.direct().call('audit.verify', {})).intact).toBe(true)
    } finally {
      app.close()
    }
  }, 60_000)
})

describe('a restore interrupted at any step of the swap', () => {
  const STEPS: SwapStep[] = ['old-wal', 'old-shm', 'old-db', 'new-side-files', 'new-db']
  const OLD = 12
  const NEW = 5

  it('the next start opens one whole database, old or new, and keeps the old one whole', async () => {
    const { dir: base, cleanup: done } = tempDir()
    const { dir: work, cleanup: doneWork } = tempDir()
    try {
      // The backup's database (NEW artisans), then the live one (OLD) with changes still
      // in its WAL: copied while the desk is open, as a kill would leave them.
      const app = openTestDesk(base)
      await app.direct().call('setup.complete', VALID_SETUP)
      seedArtisans(app.db, app.actor(), { count: NEW, seed: 3, region: 'all' })
      app.db.pragma('wal_checkpoint(TRUNCATE)')
      copyFileSync(join(base, DATABASE_FILE), join(base, 'new.db'))
      app.db.pragma('wal_autocheckpoint = 0')
      seedArtisans(app.db, app.actor(), { count: OLD - NEW, seed: 4, region: 'all' })
      for (const suffix of ['', '-wal']) {
        copyFileSync(join(base, `${DATABASE_FILE}${suffix}`), join(base, `old.db${suffix}`))
      }
      app.close()

      const count = async (folder: string) => {
        const desk = openTestDesk(folder)
        try {
          expect((await desk.direct().call('audit.verify', {})).intact).toBe(true)
          return desk.db.prepare('SELECT count(*) FROM artisan').pluck().get() as number
        } finally {
          desk.close()
        }
      }
      const key = new FileKeyStore(base).read() as Buffer
      let crashed = 0
      for (const [index, step] of [...STEPS, 'marker-removed' as const].entries()) {
        const folder = join(work, `crash-${index}`)
        mkdirSync(folder)
        copyFileSync(join(base, 'sijill.key'), join(folder, 'sijill.key'))
        copyFileSync(join(base, 'old.db'), join(folder, DATABASE_FILE))
        copyFileSync(join(base, 'old.db-wal'), join(folder, `${DATABASE_FILE}-wal`))
        copyFileSync(join(base, 'new.db'), join(folder, PENDING_RESTORE))
        expect(() =>
          applyPendingRestore(folder, new Date(), (at) => {
            if (at === step) throw new Error(`power cut before ${at}`)
          }),
        ).toThrow(`power cut before ${step}`)
        crashed++
        expect(existsSync(join(folder, RESTORE_SWAP))).toBe(true)

        // The next start completes the swap: the restored database, whole.
        expect(await count(folder)).toBe(NEW)
        expect(existsSync(join(folder, RESTORE_SWAP))).toBe(false)
        expect(existsSync(join(folder, PENDING_RESTORE))).toBe(false)
        // The replaced database is kept whole, with the changes its WAL held.
        const kept = readdirSync(folder).filter((n) => /before-restore-[^-]+$/.test(n))
        expect(kept).toHaveLength(1)
        const previous = openDatabase({ file: join(folder, kept[0] ?? ''), key, readonly: true })
        expect(previous.db.prepare('SELECT count(*) FROM artisan').pluck().get()).toBe(OLD)
        previous.db.close()
      }
      expect(crashed).toBe(STEPS.length + 1)

      // A swap whose staged copy vanished once the old database was moved aside: the
      // next start puts the old one back, whole.
      const folder = join(work, 'rollback')
      mkdirSync(folder)
      copyFileSync(join(base, 'sijill.key'), join(folder, 'sijill.key'))
      copyFileSync(join(base, 'old.db'), join(folder, DATABASE_FILE))
      copyFileSync(join(base, 'old.db-wal'), join(folder, `${DATABASE_FILE}-wal`))
      copyFileSync(join(base, 'new.db'), join(folder, PENDING_RESTORE))
      expect(() =>
        applyPendingRestore(folder, new Date(), (at) => {
          if (at === 'new-side-files') throw new Error('power cut')
        }),
      ).toThrow('power cut')
      rmSync(join(folder, PENDING_RESTORE))
      expect(await count(folder)).toBe(OLD)
      expect(existsSync(join(folder, RESTORE_SWAP))).toBe(false)
    } finally {
      done()
      doneWork()
    }
  }, 30_000)
})

describe('a batch of certificates killed midway', () => {
  it('leaves no PDF or a whole one, whole chunks issued, and the next batch prints the rest once', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const app = openTestDesk(folder)
      await app.direct().call('setup.complete', VALID_SETUP)
      seedArtisans(app.db, app.actor(), { count: 600, seed: 7, region: 'all' })
      const registered = app.db
        .prepare(`SELECT count(*) FROM artisan WHERE rna_status = 'registered' AND nia IS NOT NULL`)
        .pluck()
        .get() as number
      app.close()

      const batch = (out: string) => [
        '--data-dir',
        folder,
        'batch',
        '--registered-since',
        '2000-01-01',
        '--out',
        join(folder, out),
      ]
      const cliIn = (args: string[]) =>
        spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      // Killed once the first 100 certificates are issued (the PDF is not written yet).
      const child = cliIn(batch('cut.pdf'))
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.stdout.resume()
      const gone = new Promise((r) => child.once('exit', r))
      const end = Date.now() + 15_000
      while (!/ 100 \/ /.test(err) && child.exitCode === null && Date.now() < end)
        await new Promise((r) => setTimeout(r, 5))
      expect(child.kill('SIGKILL')).toBe(true)
      await gone
      expect(existsSync(join(folder, 'cut.pdf'))).toBe(false)

      const facts = async () => {
        const desk = openTestDesk(folder)
        try {
          expect((await desk.direct().call('audit.verify', {})).intact).toBe(true)
          const one = (sql: string) => desk.db.prepare(sql).pluck().get() as number
          return {
            documents: one(`SELECT count(*) FROM document WHERE type = 'certificate'`),
            artisans: one('SELECT count(*) FROM artisan WHERE certificate_issued_at IS NOT NULL'),
          }
        } finally {
          desk.close()
        }
      }
      const cut = await facts()
      // Issued in whole chunks (of 20), each recorded on its artisan.
      expect(cut.documents).toBeGreaterThanOrEqual(100)
      expect(cut.documents % 20).toBe(0)
      expect(cut.artisans).toBe(cut.documents)

      // Run again: the rest, each once; nothing left beside the PDF.
      const rest = cliIn(batch('rest.pdf'))
      rest.stdout.resume()
      rest.stderr.resume()
      expect(await new Promise((r) => rest.once('exit', r))).toBe(0)
      expect(readFileSync(join(folder, 'rest.pdf')).subarray(-6).toString()).toMatch(/%%EOF/)
      expect(await facts()).toEqual({ documents: registered, artisans: registered })
      expect(partials(folder)).toEqual([])
    } finally {
      done()
    }
  }, 40_000)
})

describe('an import killed midway', () => {
  it('keeps whole batches, audit intact, and the rerun creates each artisan once', async () => {
    const { dir: folder, cleanup: done } = tempDir()
    try {
      const app = openTestDesk(folder)
      await app.direct().call('setup.complete', VALID_SETUP)
      app.close()
      const ROWS = 6000
      const lines = ['CIN;Prénom;Nom;Téléphone']
      for (let i = 0; i < ROWS; i++)
        lines.push(`JM${600000 + i};Ahmed;Ouali;06${String(60000000 + i).padStart(8, '0')}`)
      lines.push('not-a-cin;Ahmed;Ouali;0600000000')
      const list = join(folder, 'liste.csv')
      writeFileSync(list, lines.join('\n'))
      const importer = () =>
        spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'electron/cli/main.ts'),
            '--data-dir',
            folder,
            'import',
            list,
          ],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        )
      const child = importer()
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.stdout.resume()
      const gone = new Promise((r) => child.once('exit', r))
      const end = Date.now() + 15_000
      while (!/\d+ \/ \d+/.test(err) && child.exitCode === null && Date.now() < end)
        await new Promise((r) => setTimeout(r, 5))
      child.kill('SIGKILL')
      await gone

      const facts = async () => {
        const desk = openTestDesk(folder)
        try {
          expect((await desk.direct().call('audit.verify', {})).intact).toBe(true)
          const one = (sql: string) => desk.db.prepare(sql).pluck().get() as number
          const artisans = one('SELECT count(*) FROM artisan')
          expect(one('SELECT count(DISTINCT cin) FROM artisan')).toBe(artisans)
          expect(one(`SELECT count(*) FROM artisan_event WHERE step = 'identified'`)).toBe(artisans)
          return artisans
        } finally {
          desk.close()
        }
      }
      // Killed after its first batch: that batch is kept whole, the rest never started.
      const cut = await facts()
      expect(cut).toBeGreaterThan(0)
      expect(cut).toBeLessThan(ROWS)
      // The rejected-rows report is written whole at the end, or not at all.
      const report = join(folder, 'liste.errors.csv')
      if (existsSync(report)) expect(readFileSync(report, 'utf8')).toContain('not-a-cin')

      const again = importer()
      again.stdout.resume()
      again.stderr.resume()
      expect(await new Promise((r) => again.once('exit', r))).toBe(0)
      expect(await facts()).toBe(ROWS)
      expect(readFileSync(report, 'utf8')).toContain('not-a-cin')
      expect(partials(folder)).toEqual([])
    } finally {
      done()
    }
  }, 40_000)
})
