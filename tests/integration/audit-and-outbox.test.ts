import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appendAudit,
  GENESIS_HASH,
  verifyAuditChain,
} from '../../electron/services/audit/audit-log'
import { recordChange } from '../../electron/services/database/record-change'
import { pendingCount } from '../../electron/services/outbox/outbox'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

let dir: string
let cleanup: () => void
let app: SijillApp
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
})
afterEach(() => {
  app.close()
  cleanup()
})

const at = () => new Date().toISOString()

describe('the audit log', () => {
  it('records who changed what, with before and after, for every write', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    await app.direct().call('settings.setLanguage', { language: 'fr' })
    const rows = app.db
      .prepare(
        `SELECT actor_id, actor_name, action, entity_id, before_json, after_json FROM audit_log ORDER BY seq`,
      )
      .all() as {
      actor_id: string
      actor_name: string
      action: string
      entity_id: string
      before_json: string | null
      after_json: string
    }[]
    const language = rows.filter((r) => r.entity_id === 'desk.language')
    expect(language.map((r) => [r.action, r.before_json, r.after_json])).toEqual([
      ['settings.create', null, '"ar"'],
      ['settings.update', '"ar"', '"fr"'],
    ])
    expect(language[1]?.actor_id).toMatch(/^desk:/)
    expect(language[1]?.actor_name).toBe('Guichet 1')
  })

  it('chains every row to the one before it, and the chain verifies', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    const verdict = verifyAuditChain(app.db)
    expect(verdict).toEqual({ ok: true, count: expect.any(Number) })
    expect(verdict.count).toBeGreaterThanOrEqual(5)
    const first = app.db
      .prepare('SELECT prev_hash FROM audit_log ORDER BY seq LIMIT 1')
      .pluck()
      .get()
    expect(first).toBe(GENESIS_HASH)
  })

  it('refuses updates and deletes at the SQL level', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    expect(() => app.db.prepare(`UPDATE audit_log SET actor_name = 'someone else'`).run()).toThrow(
      /append-only/,
    )
    expect(() => app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })

  it('names the first row that was tampered with, even by someone who removed the triggers', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    app.db.exec(
      'DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete',
    )
    const seqs = app.db.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all() as number[]
    const victim = seqs[2] as number
    app.db.prepare(`UPDATE audit_log SET after_json = '"forged"' WHERE seq = ?`).run(victim)
    expect(verifyAuditChain(app.db)).toEqual({
      ok: false,
      count: 3,
      brokenAt: victim,
      reason: 'hash',
    })

    app.db.prepare(`DELETE FROM audit_log WHERE seq >= ?`).run(victim)
    appendAudit(
      app.db,
      app.actor(),
      { action: 'x', entityType: 't', entityId: '1', before: null, after: 1 },
      at(),
    )
    expect(verifyAuditChain(app.db).ok).toBe(true) // truncating the tail is only visible from a kept copy…
    app.db.prepare(`DELETE FROM audit_log WHERE seq = ?`).run(seqs[1])
    expect(verifyAuditChain(app.db)).toMatchObject({ ok: false, reason: 'link' }) // …but a hole in the middle is
  })
})

describe('a recorded change', () => {
  it('lands with its audit row and its outbox row in one transaction', () => {
    const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    app.db.transaction(() =>
      recordChange(
        app.db,
        app.actor(),
        at(),
        {
          action: 'artisan.create',
          entityType: 'artisan',
          entityId: 'a1',
          before: null,
          after: { cin: 'AB123456' },
        },
        { op: 'create', payload: { cin: 'AB123456' }, baseRevision: null },
      ),
    )()
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 1)
    expect(pendingCount(app.db)).toBe(1)
    const op = app.db.prepare('SELECT op_id, entity_id, op, status FROM outbox').get() as Record<
      string,
      string
    >
    expect(op).toMatchObject({ entity_id: 'a1', op: 'create', status: 'pending' })
    expect(op.op_id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('leaves neither audit nor outbox behind when the transaction fails', () => {
    const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    expect(() =>
      app.db.transaction(() => {
        recordChange(
          app.db,
          app.actor(),
          at(),
          {
            action: 'artisan.create',
            entityType: 'artisan',
            entityId: 'a2',
            before: null,
            after: {},
          },
          { op: 'create', payload: {}, baseRevision: null },
        )
        throw new Error('power cut')
      })(),
    ).toThrow('power cut')
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
    expect(pendingCount(app.db)).toBe(0)
  })

  it('desk settings are audited but not queued for the registry', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    expect(pendingCount(app.db)).toBe(0)
  })
})
