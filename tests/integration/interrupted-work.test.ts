import { spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { seedArtisans } from '../../electron/services/seed/generate'
import {
  sweepPartials,
  writeAtomically,
  writeFileAtomic,
} from '../../electron/services/files/atomic-write'
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
      // A pid that surely ran and ended: a child that has exited.
      const child = spawn(process.execPath, ['-e', ''])
      const deadPid = child.pid as number
      await new Promise((r) => child.once('exit', r))
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
