import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AuditFilter, AuditRow } from '@shared/api/methods/audit'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import { runCli } from '../../electron/cli/run-cli'
import { appendAudit } from '../../electron/services/audit/audit-log'
import { translateError } from '../../electron/services/startup-error'
import { openTestDesk } from '../helpers/temp-desk'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { testCodes, validRegistration } from '../helpers/registration'

/**
 * The audit screen, `audit verify` and `audit export`: filters by who, when, which artisan
 * and which action, pages newest first, CSV/JSON copies (themselves recorded), and a
 * tampered or removed row named by the chain check — even when the attacker had the key
 * and dropped the triggers that refuse UPDATE and DELETE.
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

const api = () => app.direct()
const today = new Date().toISOString().slice(0, 10)
const clerk: Actor = { id: 'user:clerk', name: 'Clerk', roles: ['clerk'] }
const nadia: Actor = { id: 'user:nadia', name: 'نادية', roles: ['supervisor'] }
const callAs = (actor: Actor, method: string, input: unknown) =>
  app.router.call({ actor, transport: 'http', auth: 'active' }, method, input)

function write(actor: Actor, action: string, at: string, entityId = 'x', after: unknown = {}) {
  app.db.transaction(() =>
    appendAudit(app.db, actor, { action, entityType: 'test', entityId, before: null, after }, at),
  )()
}

async function list(filter: AuditFilter, limit = 200): Promise<AuditRow[]> {
  return (await api().call('audit.list', { filter, limit })).items
}

function unlockTheLog() {
  // What someone holding the database key could do: remove the append-only triggers.
  app.db.exec(
    'DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete',
  )
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...argv], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('the audit screen', () => {
  it('filters by user, by day (both ends included) and by action or group of actions', async () => {
    const omar: Actor = { id: 'user:omar', name: 'Omar', roles: ['clerk'] }
    write(omar, 'artisan.update', '2025-03-09T23:59:59.000Z')
    write(omar, 'artisan.step.rna_submitted', '2025-03-10T00:00:00.000Z')
    write(nadia, 'artisans.export', '2025-03-11T12:00:00.000Z')
    write(omar, 'document.issue', '2025-03-12T23:59:59.999Z')
    write(nadia, 'document.cancel', '2025-03-13T00:00:00.000Z')

    expect((await list({ actorId: 'user:omar' })).map((r) => r.action)).toEqual([
      'document.issue',
      'artisan.step.rna_submitted',
      'artisan.update',
    ])
    expect((await list({ from: '2025-03-10', to: '2025-03-12' })).map((r) => r.action)).toEqual([
      'document.issue',
      'artisans.export',
      'artisan.step.rna_submitted',
    ])
    // A group: `artisan` is every artisan.* action, and not `artisans.export`.
    expect((await list({ action: 'artisan' })).map((r) => r.action)).toEqual([
      'artisan.step.rna_submitted',
      'artisan.update',
    ])
    expect((await list({ action: 'artisan.step.' })).map((r) => r.action)).toEqual([
      'artisan.step.rna_submitted',
    ])
    expect((await list({ action: 'document.issue' })).map((r) => r.actorName)).toEqual(['Omar'])
    expect(
      (await list({ actorId: 'user:nadia', action: 'document' })).map((r) => r.action),
    ).toEqual(['document.cancel'])
  })

  it('gives the same rows for a group of actions that matches thousands of rows', async () => {
    // Past DENSE_ACTION matches the query walks the log instead of the action index.
    const insert = app.db.transaction(() => {
      for (let i = 0; i < 2100; i++)
        appendAudit(
          app.db,
          nadia,
          {
            action: 'artisan.update',
            entityType: 'test',
            entityId: `d${i}`,
            before: null,
            after: {},
          },
          '2025-04-01T00:00:00.000Z',
        )
    })
    insert()
    write(nadia, 'artisans.export', '2025-04-02T00:00:00.000Z')
    write(nadia, 'artisan.register', '2025-04-02T00:00:00.000Z', 'last')
    const page = await api().call('audit.list', { filter: { action: 'artisan' }, limit: 3 })
    expect(page.items.map((r) => [r.action, r.entityId])).toEqual([
      ['artisan.register', 'last'],
      ['artisan.update', 'd2099'],
      ['artisan.update', 'd2098'],
    ])
    const all = await api().call('audit.export', { format: 'json', filter: { action: 'artisan' } })
    expect(all.rows).toBe(2100 + 1) // not artisans.export
  })

  it("finds every row about one artisan: the file's, its documents', its check-ins'", async () => {
    const codes = testCodes(app.db)
    const a = await api().call('artisans.register', validRegistration(codes))
    const b = await api().call(
      'artisans.register',
      validRegistration(codes, { cin: 'JB654321', phone: '06 70 11 22 33', firstNameLat: 'Aicha' }),
    )
    await api().call('documents.issue', { artisanId: a.id, type: 'receipt' })
    await api().call('documents.issue', { artisanId: b.id, type: 'receipt' })
    const session = await api().call('sessions.plan', {
      kind: 'chamber',
      title: 'Séance AMO',
      startsAt: `${today}T23:00`,
      endsAt: `${today}T23:30`,
      provinceCode: codes.tiznitProvince,
      communeCode: codes.tiznitCommune,
    })
    await api().call('sessions.checkIn', { sessionId: session.id, artisanId: a.id })
    await api().call('sessions.checkIn', { sessionId: session.id, artisanId: b.id })

    const rows = await list({ artisanId: a.id })
    expect(rows.map((r) => r.action)).toEqual([
      'session.check_in',
      'document.issue',
      'artisan.register',
    ])
    expect(rows.every((r) => JSON.stringify(r).includes(a.id))).toBe(true)
    // Newest first, and the screen gets before/after parsed.
    expect(rows[0]?.after).toEqual({ artisanId: a.id })
  })

  it('shows before and after with the fields that changed', async () => {
    app.db.transaction(() =>
      appendAudit(
        app.db,
        nadia,
        {
          action: 'artisan.update',
          entityType: 'artisan',
          entityId: 'a1',
          before: { phone: '0661234567', address: 'Tiznit', cin: 'JE1' },
          after: { phone: '0661234568', address: 'Tiznit', nia: '09001' },
        },
        '2025-05-01T10:00:00.000Z',
      ),
    )()
    const [row] = await list({ entityType: 'artisan', entityId: 'a1' })
    expect(row?.before).toEqual({ phone: '0661234567', address: 'Tiznit', cin: 'JE1' })
    expect(row?.changed).toEqual(['phone', 'cin', 'nia'])
  })

  it('pages newest first with a cursor, without gaps or repeats, to the end of the log', async () => {
    for (let i = 0; i < 120; i++)
      write(nadia, 'test.page', `2025-06-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, `e${i}`)
    const seen: number[] = []
    let before: number | undefined
    let pages = 0
    do {
      const page = await api().call('audit.list', {
        filter: { action: 'test.page' },
        limit: 50,
        ...(before ? { before } : {}),
      })
      seen.push(...page.items.map((r) => r.seq))
      before = page.next ?? undefined
      pages++
    } while (before)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(120)
    expect(new Set(seen).size).toBe(120)
    expect(seen).toEqual([...seen].sort((x, y) => y - x))
  })

  it('finds free text in names and values, and lists the people in the log for the user filter', async () => {
    write(nadia, 'artisan.update', '2025-01-01T00:00:00.000Z', 'a1', { address: 'Derb Idzagh' })
    write({ ...nadia, name: 'نادية العلوي' }, 'artisan.update', '2025-01-02T00:00:00.000Z')
    expect((await list({ text: 'idzagh' })).map((r) => r.entityId)).toEqual(['a1'])
    const actors = await api().call('audit.actors', {})
    expect(actors).toContainEqual({ id: 'user:nadia', name: 'نادية العلوي' })
    expect(actors.filter((a) => a.id === 'user:nadia')).toHaveLength(1)
    expect(actors.some((a) => a.id.startsWith('desk:'))).toBe(true)
  })

  it('is for supervisors and administrators: a clerk is refused', async () => {
    for (const method of ['audit.list', 'audit.verify', 'audit.export', 'audit.actors']) {
      const result = await callAs(clerk, method, method === 'audit.export' ? { format: 'csv' } : {})
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await callAs(nadia, 'audit.verify', {})).toMatchObject({ ok: true })
  })
})

describe('exporting the audit log', () => {
  it('gives a CSV of the selection, oldest first, with hashes, and records the copy', async () => {
    write(nadia, 'document.issue', '2025-03-12T10:00:00.000Z', 'd1', { number: 'R-1, "x"' })
    write(nadia, 'document.cancel', '2025-03-13T10:00:00.000Z', 'd1')
    const file = await callAs(nadia, 'audit.export', {
      format: 'csv',
      filter: { action: 'document' },
    })
    if (!file.ok) throw new Error(JSON.stringify(file.error))
    const value = file.value as { fileName: string; base64: string; rows: number }
    expect(value.rows).toBe(2)
    expect(value.fileName).toMatch(/^sijill-audit-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = Buffer.from(value.base64, 'base64').toString('utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '\uFEFFseq,id,at,actor_id,actor_name,action,entity_type,entity_id,changed,before_json,after_json,prev_hash,hash',
    )
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('document.issue')
    expect(lines[1]).toContain('"{""number"":""R-1, \\""x\\""""}"')
    expect(lines[2]).toContain('document.cancel')
    expect(lines[2]).toMatch(/,[0-9a-f]{64},[0-9a-f]{64}$/)
    const recorded = app.db
      .prepare(`SELECT actor_id, after_json FROM audit_log WHERE action = 'audit.export'`)
      .all() as { actor_id: string; after_json: string }[]
    expect(recorded).toHaveLength(1)
    expect(recorded[0]?.actor_id).toBe('user:nadia')
    expect(JSON.parse(recorded[0]?.after_json ?? '{}')).toMatchObject({
      format: 'csv',
      rows: 2,
      filter: { action: 'document' },
    })
  })

  it('gives JSON a program can read, with before/after parsed', async () => {
    write(nadia, 'artisan.update', '2025-03-12T10:00:00.000Z', 'a1', { phone: '0661' })
    const file = await api().call('audit.export', {
      format: 'json',
      filter: { entityId: 'a1' },
    })
    const data = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      rows: (AuditRow & { hash: string })[]
    }
    expect(data.rows).toHaveLength(1)
    expect(data.rows[0]).toMatchObject({ action: 'artisan.update', after: { phone: '0661' } })
    expect(data.rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('from the command line: any filter, to a file, recorded', async () => {
    write(nadia, 'document.issue', '2025-03-12T10:00:00.000Z', 'd1')
    write(clerk, 'document.issue', '2025-03-12T11:00:00.000Z', 'd2')
    app.close()
    const out = join(dir, 'audit.json')
    const r = await cli(
      'audit',
      'export',
      '--out',
      out,
      '--format',
      'json',
      '--actor',
      'user:nadia',
    )
    expect(r.code).toBe(0)
    expect(r.out).toBe(translateError('fr', 'audit.cli.exported', { count: 1, file: out }))
    const data = JSON.parse(readFileSync(out, 'utf8')) as { rows: AuditRow[] }
    expect(data.rows.map((x) => x.entityId)).toEqual(['d1'])
    expect((await cli('audit', 'export', '--format', 'xml', '--out', out)).code).toBe(2)
    expect((await cli('audit', 'export', '--out', out, '--from', 'March')).code).toBe(2)
    app = openTestDesk(dir)
    expect(
      app.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'audit.export'`).pluck().get(),
    ).toBe(1)
  })
})

describe('the audit chain check', () => {
  it('says the chain is intact, with the number of rows', async () => {
    const rows = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    expect(await api().call('audit.verify', {})).toEqual({
      intact: true,
      count: rows,
      broken: null,
    })
  })

  it('names a row whose content was changed through raw SQL', async () => {
    write(nadia, 'artisan.update', '2025-01-01T00:00:00.000Z', 'a1', { phone: '0661' })
    write(nadia, 'artisan.update', '2025-01-02T00:00:00.000Z', 'a1', { phone: '0662' })
    const victim = app.db
      .prepare(`SELECT seq, id, at FROM audit_log WHERE after_json = '{"phone":"0661"}'`)
      .get() as { seq: number; id: string; at: string }
    unlockTheLog()
    app.db
      .prepare(`UPDATE audit_log SET after_json = '{"phone":"0699"}' WHERE seq = ?`)
      .run(victim.seq)
    const verdict = await api().call('audit.verify', {})
    expect(verdict).toEqual({
      intact: false,
      count: expect.any(Number),
      broken: { ...victim, reason: 'hash', previousSeq: victim.seq - 1 },
    })
  })

  it('names the link after a deleted row, and the last row still good', async () => {
    for (let i = 0; i < 3; i++) write(nadia, 'test.row', `2025-01-0${i + 1}T00:00:00.000Z`, `r${i}`)
    const seqs = app.db
      .prepare(`SELECT seq FROM audit_log WHERE action = 'test.row' ORDER BY seq`)
      .pluck()
      .all() as number[]
    unlockTheLog()
    app.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seqs[1])
    const next = app.db.prepare('SELECT id, at FROM audit_log WHERE seq = ?').get(seqs[2]) as {
      id: string
      at: string
    }
    expect((await api().call('audit.verify', {})).broken).toEqual({
      seq: seqs[2],
      ...next,
      reason: 'link',
      previousSeq: seqs[0],
    })
  })

  it('sees the newest rows removed, which no later hash could show', async () => {
    write(nadia, 'test.row', '2025-01-01T00:00:00.000Z')
    const last = app.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number
    unlockTheLog()
    app.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(last)
    expect((await api().call('audit.verify', {})).broken).toEqual({
      seq: last,
      id: null,
      at: null,
      reason: 'truncated',
      previousSeq: last - 1,
    })
  })

  it('audit verify exits 0 on an intact chain and 1 naming the first broken link', async () => {
    write(nadia, 'test.row', '2025-01-01T00:00:00.000Z', 'r1')
    write(nadia, 'test.row', '2025-01-02T00:00:00.000Z', 'r2')
    const count = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
    const victim = app.db
      .prepare(`SELECT seq, id, at FROM audit_log WHERE entity_id = 'r1'`)
      .get() as { seq: number; id: string; at: string }
    app.close()
    const ok = await cli('audit', 'verify')
    expect(ok.code).toBe(0)
    expect(ok.out).toBe(translateError('fr', 'audit.cli.intact', { count }))

    app = openTestDesk(dir)
    unlockTheLog()
    app.db.prepare(`UPDATE audit_log SET actor_name = 'Quelqu''un' WHERE seq = ?`).run(victim.seq)
    app.close()
    const broken = await cli('audit', 'verify')
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(
      translateError('fr', 'audit.cli.broken', { seq: victim.seq, id: victim.id, at: victim.at }),
    )
    expect(broken.out).toContain(
      `broken seq=${victim.seq} id=${victim.id} at=${victim.at} reason=hash`,
    )
    expect((await cli('audit', 'frobnicate')).code).toBe(2)
    app = openTestDesk(dir)
  })
})
