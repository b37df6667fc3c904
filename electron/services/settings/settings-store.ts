import type { Actor } from '@shared/api/roles'
import { recordChange } from '../database/record-change'
import type { Db } from '../database/open'

/**
 * Desk settings as key → JSON value. Every write is audited; `auditView` lets a caller
 * keep bulky values (an image) out of the audit log while still recording that they changed.
 */
export function readSetting<T>(db: Db, key: string): T | undefined {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined
  return raw === undefined ? undefined : (JSON.parse(raw) as T)
}

export function writeSetting<T>(
  db: Db,
  actor: Actor,
  at: string,
  key: string,
  value: T,
  auditView: (v: T | undefined) => unknown = (v) => v,
): void {
  const before = readSetting<T>(db, key)
  if (before !== undefined && JSON.stringify(before) === JSON.stringify(value)) return
  db.prepare(
    `INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       version = settings.version + 1`,
  ).run(key, JSON.stringify(value), at, at)
  recordChange(db, actor, at, {
    action: before === undefined ? 'settings.create' : 'settings.update',
    entityType: 'setting',
    entityId: key,
    before: auditView(before),
    after: auditView(value),
  })
}

export function settingUpdatedAt(db: Db, key: string): string | undefined {
  return db.prepare('SELECT updated_at FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined
}
