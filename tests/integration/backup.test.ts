import { createHash, randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiClient } from '@shared/api/client'
import { AppError } from '@shared/errors'
import { runCli } from '../../electron/cli/run-cli'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { takeBackup, type BackupSink } from '../../electron/services/backup/backup'
import {
  BODY_OFFSET,
  backupFileName,
  encodePrefix,
  readBackupHeader,
  type BackupHeader,
} from '../../electron/services/backup/format'
import { PENDING_RESTORE } from '../../electron/services/backup/restore'
import { isDue, nextDueAt } from '../../electron/services/backup/schedule'
import { createBackups, type BackupDeps } from '../../electron/services/backup/service'
import { FileKeyStore, KEY_FILE_NAME } from '../../electron/services/database/key-store'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/services/database/migrations'
import { closeDatabase, openDatabase, type Db } from '../../electron/services/database/open'
import { DATABASE_FILE } from '../../electron/services/paths'
import { seedArtisans } from '../../electron/services/seed/generate'
import { testCodes, validRegistration } from '../helpers/registration'
import { memoryLogger, openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/**
 * Backups and restore (issue 7): a backup taken while another connection keeps saving
 * restores to a consistent state; an older schema is brought up to date; a truncated,
 * foreign, damaged or wrong-key file is refused with the live database untouched; a
 * missing folder, a folder that disappears and a full disk are reported and leave no half
 * file; retention deletes only this desk's oldest backups; the CLI round trip.
 */
const dirs: (() => void)[] = []
const apps: SijillApp[] = []
afterEach(() => {
  for (const a of apps.splice(0)) a.close()
  for (const c of dirs.splice(0)) c()
})

function newDir(): string {
  const { dir, cleanup } = tempDir('sijill-backup-')
  dirs.push(cleanup)
  return dir
}

async function newDesk(dir = newDir()): Promise<SijillApp> {
  const app = openTestDesk(dir)
  apps.push(app)
  if (!(await app.direct().call('setup.status', {})).done)
    await app.direct().call('setup.complete', VALID_SETUP)
  return app
}

function closeApp(app: SijillApp): void {
  apps.splice(apps.indexOf(app), 1)
  app.close()
}

/** The backups service of the desk in `dir`, as the app builds it, with what a test adds. */
function backupsOf(app: SijillApp, dir: string, more: Pick<BackupDeps, 'now' | 'runOptions'> = {}) {
  return createBackups({
    db: app.db,
    databaseFile: app.databaseFile,
    dataDir: dir,
    key: keyOf(dir),
    appVersion: 'test',
    log: memoryLogger(),
    ...more,
  })
}

function keyOf(dir: string): Buffer {
  const key = new FileKeyStore(dir).read()
  if (!key) throw new Error('no key')
  return key
}

async function backupNow(api: ApiClient, input: { folder?: string; file?: string } = {}) {
  const { jobId } = await api.call('backup.start', input)
  for (;;) {
    const s = await api.call('backup.jobStatus', { jobId })
    if (s.state !== 'running') return s
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function cli(dataDir: string, ...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dataDir, ...argv], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function errorKey(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.data.key
    throw error
  }
  throw new Error('expected a refusal, got success')
}

/** The database files of a desk, as bytes on disk (main file and WAL). */
function diskHash(dir: string): string {
  const hash = createHash('sha256')
  for (const suffix of ['', '-wal'])
    if (existsSync(join(dir, DATABASE_FILE + suffix)))
      hash.update(readFileSync(join(dir, DATABASE_FILE + suffix)))
  return hash.digest('hex')
}

function count(db: Db, sql: string): number {
  return db.prepare(sql).pluck().get() as number
}

describe('a backup', () => {
  it('is encrypted with the desk key: not readable as SQLite without it, readable with it', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    const done = await backupNow(app.direct(), { folder })
    expect(done.state).toBe('done')
    const bytes = readFileSync(done.file ?? '')
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('SIJILLBK')
    expect(bytes.subarray(BODY_OFFSET, BODY_OFFSET + 16).toString('latin1')).not.toBe(
      'SQLite format 3\0',
    )
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from(VALID_SETUP.deskName))).toBe(true) // header only
    expect(bytes.subarray(BODY_OFFSET).includes(Buffer.from(VALID_SETUP.deskName))).toBe(false)

    const body = join(folder, 'body.db')
    writeFileSync(body, bytes.subarray(BODY_OFFSET))
    const plain = new Database(body)
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    )
    plain.close()
    const keyed = openDatabase({ file: body, key: keyOf(dir), readonly: true }).db
    expect(count(keyed, 'SELECT count(*) FROM ref_region')).toBe(12)
    keyed.close()
  })

  it('taken while another connection keeps saving restores to a consistent state', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    seedArtisans(app.db, app.actor(), { count: 20_000, seed: 7 })
    const writer = openTestDesk(dir) // a second connection to the same database
    apps.push(writer)
    const codes = testCodes(writer.db)
    let stop = false
    let written = 0
    const writing = (async () => {
      while (!stop) {
        await writer.direct().call(
          'artisans.register',
          validRegistration(codes, {
            cin: `JW${100000 + written}`,
            phone: `06${String(62000000 + written)}`,
          }),
        )
        written++
        await new Promise((r) => setImmediate(r))
      }
    })()
    while (written < 20) await new Promise((r) => setTimeout(r, 5))
    const atStart = written
    const folder = newDir()
    const done = await backupNow(app.direct(), { folder })
    const atEnd = written
    stop = true
    await writing
    expect(done.state, JSON.stringify(done.error)).toBe('done')
    expect(atEnd, 'the writer kept saving during the backup').toBeGreaterThan(atStart)

    const { header } = await readBackupHeader(done.file ?? '', keyOf(dir))
    const target = newDir()
    copyFileSync(join(dir, KEY_FILE_NAME), join(target, KEY_FILE_NAME))
    const restored = await cli(target, 'restore', done.file ?? '', '--yes')
    expect(restored.code, restored.err).toBe(0)

    const copy = openTestDesk(target)
    apps.push(copy)
    const db = copy.db
    const ours = count(db, `SELECT count(*) FROM artisan WHERE cin LIKE 'JW%'`)
    expect(ours).toBeGreaterThanOrEqual(atStart)
    expect(ours).toBeLessThanOrEqual(atEnd)
    expect(count(db, 'SELECT count(*) FROM artisan WHERE deleted_at IS NULL')).toBe(
      header.counts.artisans,
    )
    expect(header.counts.artisans).toBe(20_000 + ours)
    // every saved file came with its audit row and outbox row, and nothing else did
    expect(
      count(
        db,
        `SELECT count(*) FROM audit_log WHERE action = 'artisan.register'
           AND entity_id IN (SELECT id FROM artisan WHERE cin LIKE 'JW%')`,
      ),
    ).toBe(ours)
    expect(
      count(
        db,
        `SELECT count(*) FROM audit_log WHERE action = 'artisan.register'
           AND entity_id NOT IN (SELECT id FROM artisan)`,
      ),
    ).toBe(0)
    expect(
      count(
        db,
        `SELECT count(DISTINCT entity_id) FROM outbox WHERE entity_type = 'artisan'
           AND entity_id IN (SELECT id FROM artisan WHERE cin LIKE 'JW%')`,
      ),
    ).toBe(ours)
    expect(verifyAuditChain(db).ok).toBe(true)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get()).toBe(
      'backup.restore',
    )
  }, 60_000)

  it('into a folder that does not exist is refused with errors.backup_folder_missing', async () => {
    const app = await newDesk()
    const missing = join(newDir(), 'usb-drive')
    const s = await backupNow(app.direct(), { folder: missing })
    expect(s.state).toBe('failed')
    expect(s.error?.key).toBe('errors.backup_folder_missing')
    const status = await app.direct().call('backup.status', {})
    expect(status.last).toMatchObject({ ok: false, error: { key: 'errors.backup_folder_missing' } })
  })

  it('whose folder disappears mid-way (USB drive pulled out) fails clearly and leaves nothing', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = join(newDir(), 'usb')
    mkdirSync(folder)
    const before = diskHash(dir)
    const source = {
      db: app.db,
      databaseFile: app.databaseFile,
      dataDir: dir,
      key: keyOf(dir),
      appVersion: 'test',
    }
    const key = await errorKey(
      takeBackup(
        source,
        { folder },
        {
          onProgress: (p) => {
            if (p.phase === 'copy') rmSync(folder, { recursive: true, force: true })
          },
        },
      ),
    )
    expect(key).toBe('errors.backup_folder_missing')
    expect(readdirSync(dir).filter((n) => n.startsWith('.backup-staging'))).toEqual([])
    expect(diskHash(dir)).toBe(before)
  })

  it('on a full disk fails with errors.backup_disk_full and removes its partial file', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    /** A disk that takes the first write, then is full. */
    const fullDisk = async (path: string): Promise<BackupSink> => {
      const handle = await openFile(path, 'wx')
      let writes = 0
      return {
        write: async (bytes, position) => {
          if (writes++ > 0)
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          await handle.write(bytes, 0, bytes.length, position)
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
    }
    const backups = backupsOf(app, dir, { runOptions: { openSink: fullDisk } })
    const { jobId } = backups.start(app.actor(), { folder })
    await backups.finished(jobId)
    expect(backups.jobStatus(jobId)).toMatchObject({
      state: 'failed',
      error: { key: 'errors.backup_disk_full' },
    })
    expect(readdirSync(folder)).toEqual([])
    expect(readdirSync(dir).filter((n) => n.startsWith('.backup-staging'))).toEqual([])
  })

  it('can be cancelled, and then leaves nothing behind', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    const { jobId } = await app.direct().call('backup.start', { folder })
    await app.direct().call('backup.cancel', { jobId })
    let s = await app.direct().call('backup.jobStatus', { jobId })
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      s = await app.direct().call('backup.jobStatus', { jobId })
    }
    expect(s.state).toBe('cancelled')
    expect(readdirSync(folder)).toEqual([])
    expect(readdirSync(dir).filter((n) => n.startsWith('.backup-staging'))).toEqual([])
  })

  it('one at a time: a second start while one runs is refused', async () => {
    const app = await newDesk()
    const folder = newDir()
    await app.direct().call('backup.start', { folder })
    expect(await errorKey(app.direct().call('backup.start', { folder }))).toBe(
      'errors.backup_running',
    )
  })
})

describe('retention', () => {
  it("keeps the newest N backups of this desk and never touches another desk's or other files", async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    const other = await newDesk()
    const theirs = await backupNow(other.direct(), { folder })
    writeFileSync(join(folder, 'notes.sijill-backup'), 'not a backup')
    writeFileSync(join(folder, 'photo.jpg'), randomBytes(100))
    await app.direct().call('backup.setSettings', { enabled: true, folder, hour: 12, keep: 2 })
    const made: string[] = []
    for (let i = 0; i < 4; i++) {
      const s = await backupNow(app.direct())
      expect(s.state).toBe('done')
      made.push(s.file ?? '')
    }
    const left = readdirSync(folder).sort()
    expect(left).toContain('notes.sijill-backup')
    expect(left).toContain('photo.jpg')
    expect(existsSync(theirs.file ?? '')).toBe(true)
    expect(made.filter((f) => existsSync(f))).toEqual(made.slice(2))

    const status = await app.direct().call('backup.status', {})
    expect(status.files.filter((f) => f.ofThisDesk).map((f) => f.file)).toEqual(
      made.slice(2).reverse(),
    )
    expect(status.files.some((f) => f.file === theirs.file && !f.ofThisDesk)).toBe(true)
    expect(status.last).toMatchObject({ ok: true, automatic: false, file: made[3] })
  })
})

describe('the default: daily backups into the data folder', () => {
  it("is on from the first start, into the data folder's own backups/ (0700), keeping 7", async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const status = await app.direct().call('backup.status', {})
    expect(status.settings).toEqual({ enabled: true, folder: null, hour: 12, keep: 7 })
    expect(status.folder).toBe(join(dir, 'backups'))
    expect(status.defaultFolder).toBe(join(dir, 'backups'))
    expect(status.nextDueAt).not.toBeNull()
    expect(status.folderError).toBeNull()
    if (process.platform !== 'win32') expect(statSync(status.folder).mode & 0o777).toBe(0o700)

    // "Back up now" needs no folder: it goes to the default one, named to the minute.
    const first = await backupNow(app.direct())
    expect(first.state).toBe('done')
    expect(first.file).toMatch(
      new RegExp(
        `^${join(dir, 'backups')}/sijill-[0-9a-f]{8}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.sijill-backup$`,
      ),
    )
    // Same minute: the next free name, never over the first.
    const second = await backupNow(app.direct())
    expect(second.file).toBe(first.file!.replace('.sijill-backup', '-2.sijill-backup'))
    const after = await app.direct().call('backup.status', {})
    expect(after.files.map((f) => f.file)).toEqual([second.file, first.file])
    // A backup by hand into the backups' folder is the day's backup: the next one is tomorrow.
    expect(new Date(after.nextDueAt!).getHours()).toBe(12)
    expect(new Date(after.nextDueAt!).getTime()).toBeGreaterThan(Date.now())
  })

  it('names a backup by the local day and minute, with no milliseconds', () => {
    const at = new Date(2026, 11, 8, 14, 30, 59, 999).toISOString()
    expect(backupFileName('0193a7c2-aaaa-7bbb-8ccc-1234deadbeef', at)).toBe(
      'sijill-deadbeef-2026-12-08-1430.sijill-backup',
    )
    expect(backupFileName('0193a7c2-aaaa-7bbb-8ccc-1234deadbeef', at, 3)).toBe(
      'sijill-deadbeef-2026-12-08-1430-3.sijill-backup',
    )
  })

  it('keeps a desk whose administrator switched the backup off, off', async () => {
    const app = await newDesk()
    await app
      .direct()
      .call('backup.setSettings', { enabled: false, folder: null, hour: 12, keep: 7 })
    const status = await app.direct().call('backup.status', {})
    expect(status.settings.enabled).toBe(false)
    expect(status.nextDueAt).toBeNull()
  })

  it('takes no automatic backup before the desk is set up, and the first one soon after', async () => {
    const dir = newDir()
    const app = openTestDesk(dir)
    apps.push(app)
    const backups = backupsOf(app, dir, { now: () => new Date(2026, 11, 8, 13, 0) })
    backups.checkSchedule()
    expect((await backups.status()).running).toBeNull()
    await app.direct().call('setup.complete', VALID_SETUP)
    backups.checkSchedule()
    const running = (await backups.status()).running
    expect(running?.automatic).toBe(true)
    await backups.finished(running?.jobId ?? '')
    expect(
      readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sijill-backup')),
    ).toHaveLength(1)
  })
})

describe('the daily schedule', () => {
  const settings = { enabled: true, folder: '/backups', hour: 12, keep: 14 }
  const at = (h: number, m = 0, day = 10) => new Date(2026, 2, day, h, m)
  const never = { lastAttemptAt: null, lastSuccessAt: null }

  it('is due at the hour, or at the first start after it, once a day', () => {
    expect(isDue(at(11, 59), settings, never)).toBe(true) // yesterday's slot never done
    const doneYesterday = { lastAttemptAt: null, lastSuccessAt: at(12, 5, 9).toISOString() }
    expect(isDue(at(11, 59), settings, doneYesterday)).toBe(false)
    expect(isDue(at(12, 0), settings, doneYesterday)).toBe(true)
    expect(isDue(at(17, 30), settings, doneYesterday)).toBe(true) // desk was off at noon
    const doneToday = { lastAttemptAt: null, lastSuccessAt: at(12, 1).toISOString() }
    expect(isDue(at(17, 30), settings, doneToday)).toBe(false)
    expect(nextDueAt(at(17, 30), settings, doneToday)).toEqual(at(12, 0, 11))
    expect(isDue(at(12, 0), { ...settings, enabled: false }, never)).toBe(false)
    // No folder chosen: the backups go to the data folder's own, so they are due all the same.
    expect(isDue(at(12, 0), { ...settings, folder: null }, never)).toBe(true)
  })

  it('tries again an hour after a failure (a USB drive not plugged in), not every minute', () => {
    const failed = { lastAttemptAt: at(12, 0).toISOString(), lastSuccessAt: null }
    expect(isDue(at(12, 30), settings, failed)).toBe(false)
    expect(nextDueAt(at(12, 30), settings, failed)).toEqual(at(13, 0))
    expect(isDue(at(13, 0), settings, failed)).toBe(true)
  })

  it('runs the automatic backup when due and records it', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    await app.direct().call('backup.setSettings', { enabled: true, folder, hour: 0, keep: 3 })
    const backups = backupsOf(app, dir)
    backups.checkSchedule()
    const running = (await backups.status()).running
    expect(running?.automatic).toBe(true)
    await backups.finished(running?.jobId ?? '')
    const status = await backups.status()
    expect(status.last).toMatchObject({ ok: true, automatic: true })
    expect(status.files).toHaveLength(1)
    backups.checkSchedule()
    expect((await backups.status()).running, 'done for today').toBeNull()
  })
})

/** A database left at an older schema version, with one artisan, backed up as it was. */
async function oldBackup(key: Buffer, version: number, folder: string): Promise<string> {
  const dir = newDir()
  const file = join(dir, DATABASE_FILE)
  const { db } = openDatabase({ file, key, migrations: MIGRATIONS.slice(0, version) })
  const at = '2025-06-01T09:00:00.000Z'
  db.prepare(
    `INSERT INTO settings (key, value, created_at, updated_at) VALUES ('desk.id', '"desk-old"', ?, ?)`,
  ).run(at, at)
  db.prepare(
    `INSERT INTO artisan (num, id, cin, first_name_ar, last_name_ar, first_name_lat, last_name_lat,
       created_at, created_by, updated_at)
     VALUES (1, 'a-old', 'JO123456', 'فاطمة', 'أوعلي', 'Fatima', 'Ouali', ?, 'test', ?)`,
  ).run(at, at)
  const { file: backup } = await takeBackup(
    { db, databaseFile: file, dataDir: dir, key, appVersion: '0.0.9' },
    { folder },
  )
  closeDatabase(db)
  return backup
}

describe('restore', () => {
  it('of a backup taken at an older schema brings it up to date, at the next start', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const folder = newDir()
    const file = await oldBackup(keyOf(dir), 10, folder)
    expect((await readBackupHeader(file, null)).header.schemaVersion).toBe(10)

    const preview = await app.direct().call('backup.restorePrepare', { path: file })
    expect(preview).toMatchObject({
      migratedFrom: 10,
      schemaVersion: LATEST_SCHEMA_VERSION,
      sameDesk: false,
      backup: { counts: { artisans: 1, documents: 0, sessions: 0 }, schemaVersion: 10 },
      current: { exists: true, counts: { artisans: 0 } },
    })
    expect(existsSync(join(dir, PENDING_RESTORE))).toBe(false)
    const applied = await app.direct().call('backup.restoreApply', { path: file })
    expect(applied.restartRequired).toBe(true)
    expect((await app.direct().call('backup.status', {})).restorePending).toBe(true)
    closeApp(app)

    const again = openTestDesk(dir)
    apps.push(again)
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(again.db.prepare(`SELECT cin FROM artisan`).pluck().all()).toEqual(['JO123456'])
    expect(existsSync(join(dir, PENDING_RESTORE))).toBe(false)
    const kept = readdirSync(dir).filter((n) => n.startsWith(`${DATABASE_FILE}.before-restore-`))
    expect(kept).toHaveLength(1)
    const previous = openDatabase({
      file: join(dir, kept[0] ?? ''),
      key: keyOf(dir),
      readonly: true,
    }).db
    expect(
      previous
        .prepare(`SELECT count(*) FROM audit_log WHERE action = 'backup.restore_staged'`)
        .pluck()
        .get(),
    ).toBe(1)
    previous.close()
  })

  it('refuses truncated, damaged, foreign, wrong-key and newer files, the live database untouched', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const key = keyOf(dir)
    const folder = newDir()
    const good = (await backupNow(app.direct(), { folder })).file ?? ''
    const bytes = readFileSync(good)
    const files = {
      truncated: bytes.subarray(0, Math.floor(bytes.length / 2)),
      lastByteMissing: bytes.subarray(0, bytes.length - 1),
      random: randomBytes(20_000),
      empty: Buffer.alloc(0),
    }
    const damaged = Buffer.from(bytes)
    damaged[BODY_OFFSET + 5000] = (damaged[BODY_OFFSET + 5000] ?? 0) ^ 0xff
    for (const [name, content] of Object.entries({ ...files, damaged }))
      writeFileSync(join(folder, `${name}.sijill-backup`), content)
    const plainDb = join(folder, 'plain.sijill-backup')
    const plain = new Database(plainDb)
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    plain.close()
    const other = await newDesk()
    const otherKey = (await backupNow(other.direct(), { folder })).file ?? ''
    const { header } = await readBackupHeader(good, key)
    const newer: BackupHeader = { ...header, schemaVersion: LATEST_SCHEMA_VERSION + 1 }
    const newerFile = join(folder, 'newer.sijill-backup')
    writeFileSync(newerFile, Buffer.concat([encodePrefix(newer, key), bytes.subarray(BODY_OFFSET)]))

    const before = diskHash(dir)
    const expected: [string, string][] = [
      [join(folder, 'truncated.sijill-backup'), 'errors.backup_truncated'],
      [join(folder, 'lastByteMissing.sijill-backup'), 'errors.backup_truncated'],
      [join(folder, 'damaged.sijill-backup'), 'errors.backup_damaged'],
      [join(folder, 'random.sijill-backup'), 'errors.backup_not_sijill'],
      [join(folder, 'empty.sijill-backup'), 'errors.backup_not_sijill'],
      [plainDb, 'errors.backup_not_sijill'],
      [otherKey, 'errors.backup_wrong_key'],
      [newerFile, 'errors.backup_newer'],
      [join(folder, 'missing.sijill-backup'), 'errors.backup_file_missing'],
    ]
    for (const [path, key] of expected) {
      expect(await errorKey(app.direct().call('backup.restorePrepare', { path })), path).toBe(key)
      expect(await errorKey(app.direct().call('backup.restoreApply', { path })), path).toBe(key)
    }
    expect(diskHash(dir)).toBe(before)
    expect(existsSync(join(dir, PENDING_RESTORE))).toBe(false)
    expect(readdirSync(dir).filter((n) => n.startsWith('.restore-check'))).toEqual([])
    // and the good one still passes
    const preview = await app.direct().call('backup.restorePrepare', { path: good })
    expect(preview.sameDesk).toBe(true)
    expect(preview.migratedFrom).toBeNull()
  })

  it('is for administrators; a supervisor may only back up', async () => {
    const app = await newDesk()
    const as = (roles: ('clerk' | 'supervisor')[]) => (method: string, input: unknown) =>
      app.router.call(
        { actor: { id: 'u', name: 'u', roles }, transport: 'direct', auth: 'direct' },
        method,
        input,
      )
    const clerk = as(['clerk'])
    const supervisor = as(['supervisor'])
    const forbidden = { ok: false, error: { code: 'forbidden' } }
    expect(await clerk('backup.status', {})).toMatchObject(forbidden)
    expect(await clerk('backup.start', {})).toMatchObject(forbidden)
    expect(await supervisor('backup.restorePrepare', { path: '/x' })).toMatchObject(forbidden)
    expect(
      await supervisor('backup.setSettings', { enabled: false, folder: null, hour: 1, keep: 3 }),
    ).toMatchObject(forbidden)
    expect(await supervisor('backup.status', {})).toMatchObject({ ok: true })
  })
})

describe('the command line', () => {
  it('backup --out FILE then restore FILE: asks first, replaces with --yes, keeps the old database', async () => {
    const dir = newDir()
    const app = await newDesk(dir)
    const codes = testCodes(app.db)
    await app.direct().call('artisans.register', validRegistration(codes, { cin: 'JC100001' }))
    closeApp(app)
    const file = join(newDir(), 'before-upgrade.sijill-backup')
    const backup = await cli(dir, 'backup', '--out', file)
    expect(backup.code, backup.err).toBe(0)
    expect(existsSync(file)).toBe(true)
    expect(await cli(dir, 'backup', '--out', file)).toMatchObject({ code: 1 })

    const later = openTestDesk(dir)
    await later
      .direct()
      .call(
        'artisans.register',
        validRegistration(codes, { cin: 'JC100002', phone: '06 61 00 00 02' }),
      )
    const hold = await cli(dir, 'restore', file, '--yes')
    expect(hold.code, 'refused while the desk is open').toBe(1)
    expect(hold.err).toMatch(/backup_desk_in_use|Sijill/)
    later.close()

    const asked = await cli(dir, 'restore', file)
    expect(asked.code).toBe(1)
    expect(
      asked.out.split('\n').length,
      'the backup and the current database',
    ).toBeGreaterThanOrEqual(2)
    const untouched = openDatabase({
      file: join(dir, DATABASE_FILE),
      key: keyOf(dir),
      readonly: true,
    })
    expect(count(untouched.db, 'SELECT count(*) FROM artisan')).toBe(2)
    untouched.db.close()

    const done = await cli(dir, 'restore', file, '--yes')
    expect(done.code, done.err).toBe(0)
    const restored = openTestDesk(dir)
    apps.push(restored)
    expect(restored.db.prepare('SELECT cin FROM artisan').pluck().all()).toEqual(['JC100001'])
    expect(readdirSync(dir).filter((n) => n.includes('.before-restore-'))).toHaveLength(1)
    expect(await cli(dir, 'restore', join(dir, 'nothing-here'))).toMatchObject({ code: 1 })
  }, 30_000)
})
