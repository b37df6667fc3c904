import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/api/roles'
import { IdentificationSchema, type IdentificationInput } from '@shared/artisans/identification'
import { MAX_INVITED_AT_ONCE, type InvitationFilter } from '@shared/sessions/attendance'
import type { PlanSessionInput } from '@shared/sessions/session'
import type { SijillApp } from '../../electron/services/app'
import { identifyArtisan } from '../../electron/services/artisans/identify'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration, type TestCodes } from '../helpers/registration'

/**
 * The people of an awareness session: who the organiser invites from the register, who is
 * checked in at the door (walk-ins identified there), and caravans of stops.
 */
let cleanup: () => void
let app: SijillApp
let codes: TestCodes
let otherCommune: string
beforeEach(async () => {
  let dir: string
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  codes = testCodes(app.db)
  otherCommune = app.db
    .prepare('SELECT code FROM ref_commune WHERE code <> ? ORDER BY code LIMIT 1')
    .pluck()
    .get(codes.tiznitCommune) as string
})
afterEach(() => {
  app.close()
  cleanup()
})

const api = () => app.direct()
const day = (offset: number) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10)
const clerk: Actor = { id: 'user:clerk', name: 'Clerk', roles: ['clerk'] }
const asClerk = (method: string, input: unknown) =>
  app.router.call({ actor: clerk, transport: 'http', auth: 'active' }, method, input)

function plan(overrides: Partial<PlanSessionInput> = {}) {
  return api().call('sessions.plan', {
    kind: 'chamber',
    title: 'Inscription au RNA et AMO — Tiznit',
    startsAt: `${day(0)}T23:00`,
    endsAt: `${day(0)}T23:30`,
    provinceCode: codes.tiznitProvince,
    communeCode: codes.tiznitCommune,
    ...overrides,
  })
}

type Path = { rna?: string; cover?: string; bank?: string; deleted?: boolean }

/** An identified artisan, then moved along the path as the test needs. */
function artisan(input: IdentificationInput, path: Path = {}): string {
  const { id } = identifyArtisan(
    app.db,
    app.actor(),
    IdentificationSchema.parse({
      communeCode: codes.tiznitCommune,
      mainActivity: codes.carpets,
      ...input,
    }),
    'test',
  )
  app.db
    .prepare(
      `UPDATE artisan SET rna_status = coalesce(?, rna_status), cover_status = coalesce(?, cover_status),
         bank_status = coalesce(?, bank_status), deleted_at = ? WHERE id = ?`,
    )
    .run(path.rna ?? null, path.cover ?? null, path.bank ?? null, path.deleted ? 'x' : null, id)
  return id
}

function filter(f: Partial<InvitationFilter> = {}): InvitationFilter {
  return { communeCodes: [], activityCodes: [], pathTarget: 'any', ...f }
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call should have been refused')
    },
    (e: unknown) => (e as { data: { code: string; key: string; params?: unknown } }).data,
  )

const auditCount = (action: string) =>
  app.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number

/** One artisan at each stage of the path, all in Tiznit, weaving carpets. */
function funnel() {
  return {
    identified: artisan({ cin: 'JE100001', firstNameAr: 'حسن', lastNameAr: 'إدبلقاسم' }),
    submitted: artisan(
      { cin: 'JE100002', firstNameAr: 'خديجة', lastNameAr: 'أمزيان' },
      { rna: 'submitted' },
    ),
    registered: artisan(
      { cin: 'JE100003', firstNameAr: 'محمد', lastNameAr: 'أوبلا' },
      { rna: 'registered' },
    ),
    cnss: artisan(
      { cin: 'JE100004', firstNameAr: 'زهرة', lastNameAr: 'بوكرين' },
      { rna: 'registered', cover: 'cnss_pre_registered' },
    ),
    amo: artisan(
      { cin: 'JE100005', firstNameAr: 'لحسن', lastNameAr: 'أخياط' },
      { rna: 'registered', cover: 'amo_covered', bank: 'referred' },
    ),
    banked: artisan(
      { cin: 'JE100006', firstNameAr: 'عائشة', lastNameAr: 'الصوصي' },
      { rna: 'registered', cover: 'other_cover', bank: 'opened' },
    ),
    deleted: artisan(
      { cin: 'JE100007', firstNameAr: 'مريم', lastNameAr: 'أيت' },
      { deleted: true },
    ),
  }
}

describe('invitation lists', () => {
  it('targets each stage of the path, and never a deleted file', async () => {
    const f = funnel()
    const s = await plan()
    const count = async (pathTarget: InvitationFilter['pathTarget']) =>
      (
        await api().call('sessions.invitationCount', {
          sessionId: s.id,
          filter: filter({ pathTarget }),
        })
      ).matching
    expect(await count('any')).toBe(6)
    expect(await count('not_registered')).toBe(2)
    expect(await count('registered_no_cnss')).toBe(1)
    expect(await count('cnss_no_amo')).toBe(1)
    expect(await count('covered_no_bank')).toBe(1)

    const byTarget = async (pathTarget: InvitationFilter['pathTarget']) => {
      const one = await plan()
      await api().call('sessions.invite', { sessionId: one.id, filter: filter({ pathTarget }) })
      const page = await api().call('sessions.people', { sessionId: one.id })
      return page.items.map((p) => p.id).sort()
    }
    expect(await byTarget('not_registered')).toEqual([f.identified, f.submitted].sort())
    expect(await byTarget('registered_no_cnss')).toEqual([f.registered])
    expect(await byTarget('cnss_no_amo')).toEqual([f.cnss])
    expect(await byTarget('covered_no_bank')).toEqual([f.amo])
    expect(await byTarget('any')).not.toContain(f.deleted)
  })

  it('filters by commune and by main or secondary activity', async () => {
    const s = await plan()
    const weaver = artisan({ cin: 'JE200001', firstNameAr: 'فاطمة', lastNameAr: 'أوعلي' })
    const potterElsewhere = artisan({
      cin: 'JE200002',
      firstNameAr: 'إبراهيم',
      lastNameAr: 'أكناو',
      communeCode: otherCommune,
      mainActivity: codes.pottery,
    })
    const { id: weaverAndPotter } = await api().call(
      'artisans.register',
      validRegistration(codes, { cin: 'JE200003', secondaryActivities: [codes.pottery] }),
    )
    const matching = async (f: Partial<InvitationFilter>) =>
      (await api().call('sessions.invitationCount', { sessionId: s.id, filter: filter(f) }))
        .matching
    expect(await matching({ communeCodes: [codes.tiznitCommune] })).toBe(2)
    expect(await matching({ communeCodes: [otherCommune] })).toBe(1)
    expect(await matching({ communeCodes: [codes.tiznitCommune, otherCommune] })).toBe(3)
    expect(await matching({ activityCodes: [codes.carpets] })).toBe(2)
    expect(await matching({ activityCodes: [codes.pottery] })).toBe(2)
    expect(
      await matching({ activityCodes: [codes.pottery], communeCodes: [codes.tiznitCommune] }),
    ).toBe(1)

    await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ activityCodes: [codes.pottery] }),
    })
    const invited = (await api().call('sessions.people', { sessionId: s.id })).items.map(
      (p) => p.id,
    )
    expect(invited.sort()).toEqual([potterElsewhere, weaverAndPotter].sort())
    expect(invited).not.toContain(weaver)

    const unknown = await errorOf(
      api().call('sessions.invitationCount', {
        sessionId: s.id,
        filter: filter({ communeCodes: ['99.99.999'] }),
      }),
    )
    expect(unknown).toMatchObject({
      key: 'errors.validation',
      fields: [{ path: 'filter.communeCodes.0', key: 'validation.territory' }],
    })
  })

  it('counts who is already invited, adds only the others, audited once', async () => {
    funnel()
    const s = await plan()
    const first = await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ pathTarget: 'not_registered' }),
    })
    expect(first).toEqual({ added: 2, invited: 2 })
    expect(
      await api().call('sessions.invitationCount', { sessionId: s.id, filter: filter() }),
    ).toEqual({ matching: 6, alreadyInvited: 2, more: false })
    expect(await api().call('sessions.invite', { sessionId: s.id, filter: filter() })).toEqual({
      added: 4,
      invited: 6,
    })
    expect(await api().call('sessions.invite', { sessionId: s.id, filter: filter() })).toEqual({
      added: 0,
      invited: 6,
    })
    expect(auditCount('session.invite')).toBe(2)
    const entry = app.db
      .prepare(
        `SELECT after_json FROM audit_log WHERE action = 'session.invite' ORDER BY seq LIMIT 1`,
      )
      .pluck()
      .get() as string
    expect(JSON.parse(entry)).toEqual({
      filter: filter({ pathTarget: 'not_registered' }),
      added: 2,
    })
    expect((await api().call('sessions.get', { id: s.id })).invited).toBe(6)
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it(`refuses to add more than ${MAX_INVITED_AT_ONCE} people at once, and asks to narrow the filter`, async () => {
    app.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO artisan (id, first_name_lat, last_name_lat, commune_code, created_at, created_by, updated_at)
         SELECT 'bulk-' || i, 'Ali', 'Bulk' || i, ?, '2024-01-01', 'test', '2024-01-01' FROM n`,
      )
      .run(MAX_INVITED_AT_ONCE + 1, otherCommune)
    const s = await plan()
    const wide = filter({ communeCodes: [otherCommune] })
    const refused = await errorOf(api().call('sessions.invite', { sessionId: s.id, filter: wide }))
    expect(refused).toEqual({
      code: 'validation',
      key: 'errors.invite_over_limit',
      params: { count: MAX_INVITED_AT_ONCE + 1, max: MAX_INVITED_AT_ONCE },
    })
    // The count says so before: counted only up to the cap, never the whole register.
    expect(await api().call('sessions.invitationCount', { sessionId: s.id, filter: wide })).toEqual(
      { matching: MAX_INVITED_AT_ONCE + 1, alreadyInvited: 0, more: true },
    )
    expect((await api().call('sessions.get', { id: s.id })).invited).toBe(0)

    app.db.prepare(`UPDATE artisan SET deleted_at = 'x' WHERE id = 'bulk-1'`).run()
    expect(await api().call('sessions.invite', { sessionId: s.id, filter: wide })).toEqual({
      added: MAX_INVITED_AT_ONCE,
      invited: MAX_INVITED_AT_ONCE,
    })
  })

  it('refuses to invite to a cancelled session', async () => {
    funnel()
    const s = await plan()
    await api().call('sessions.setStatus', { id: s.id, status: 'cancelled', reason: 'Intempéries' })
    expect(
      await errorOf(api().call('sessions.invite', { sessionId: s.id, filter: filter() })),
    ).toEqual({ code: 'conflict', key: 'errors.session_cancelled' })
    expect((await api().call('sessions.get', { id: s.id })).invited).toBe(0)
  })

  it('takes people off the list, keeping the others', async () => {
    const f = funnel()
    const s = await plan()
    await api().call('sessions.invite', { sessionId: s.id, filter: filter() })
    expect(
      await api().call('sessions.uninvite', {
        sessionId: s.id,
        artisanIds: [f.identified, f.amo, 'no-such-artisan'],
      }),
    ).toEqual({ removed: 2, invited: 4 })
    const left = (await api().call('sessions.people', { sessionId: s.id })).items.map((p) => p.id)
    expect(left).not.toContain(f.identified)
    expect(left).toContain(f.registered)
    expect(auditCount('session.uninvite')).toBe(1)
  })

  it('lets a clerk check people in but not build the invitation list', async () => {
    const f = funnel()
    const s = await plan()
    expect(await asClerk('sessions.invite', { sessionId: s.id, filter: filter() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(
      await asClerk('sessions.checkIn', { sessionId: s.id, artisanId: f.identified }),
    ).toMatchObject({ ok: true, value: { artisanId: f.identified, attended: 1 } })
    const by = app.db
      .prepare(`SELECT actor_id FROM audit_log WHERE action = 'session.check_in'`)
      .pluck()
      .get()
    expect(by).toBe(clerk.id)
  })
})

describe("a session's people", () => {
  it('pages the invited and the attended in sheet order, with their state', async () => {
    const zahra = artisan({ cin: 'JE300001', firstNameAr: 'زهرة', lastNameAr: 'بوكرين' })
    const ahmed = artisan({ cin: 'JE300002', firstNameAr: 'أحمد', lastNameAr: 'أمزيان' })
    const brahim = artisan({ cin: 'JE300003', firstNameAr: 'إبراهيم', lastNameAr: 'أمزيان' })
    const latinOnly = artisan({ cin: 'JE300004', firstNameLat: 'Said', lastNameLat: 'Aznag' })
    const walkInLater = artisan({
      cin: 'JE300005',
      firstNameAr: 'رشيد',
      lastNameAr: 'تاكني',
      communeCode: otherCommune,
    })
    const s = await plan()
    await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ communeCodes: [codes.tiznitCommune] }),
    })
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: ahmed })
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: walkInLater })

    const all = await api().call('sessions.people', { sessionId: s.id })
    expect(all.total).toBe(5)
    expect(all.items.map((p) => p.id)).toEqual([ahmed, brahim, zahra, walkInLater, latinOnly])
    expect(all.items[0]).toMatchObject({
      invited: true,
      walkIn: false,
      checkedInAt: expect.any(String),
    })
    expect(all.items[1]).toMatchObject({ invited: true, checkedInAt: null })
    expect(all.items[3]).toMatchObject({ invited: false, checkedInAt: expect.any(String) })

    const invited = await api().call('sessions.people', { sessionId: s.id, view: 'invited' })
    expect(invited.total).toBe(4)
    expect(invited.items.map((p) => p.id)).not.toContain(walkInLater)
    const attended = await api().call('sessions.people', { sessionId: s.id, view: 'attended' })
    expect(attended.items.map((p) => p.id)).toEqual([ahmed, walkInLater])

    const second = await api().call('sessions.people', { sessionId: s.id, offset: 2, limit: 2 })
    expect(second).toMatchObject({ total: 5 })
    expect(second.items.map((p) => p.id)).toEqual([zahra, walkInLater])
  })

  it('downloads the invitation list as a CSV Excel reads, phones written the Moroccan way', async () => {
    artisan({
      cin: 'JE400001',
      firstNameAr: 'فاطمة',
      lastNameAr: 'أوعلي',
      firstNameLat: 'Fatima',
      lastNameLat: 'Ouali',
      phone: '+212661234567',
    })
    const came = artisan({ cin: 'JE400002', firstNameAr: 'حسن', lastNameAr: 'أكناو' })
    artisan({ cin: 'JE400003', firstNameAr: 'غير', lastNameAr: 'مدعو', communeCode: otherCommune })
    const s = await plan()
    await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ communeCodes: [codes.tiznitCommune] }),
    })
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: came })

    const file = await api().call('sessions.invitationCsv', { sessionId: s.id })
    expect(file.fileName).toBe(`invitations-${day(0)}-inscription-au-rna-et-amo-tiznit.csv`)
    const bytes = Buffer.from(file.base64, 'base64')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(3)
    const commune = app.db
      .prepare('SELECT name_ar FROM ref_commune WHERE code = ?')
      .pluck()
      .get(codes.tiznitCommune) as string
    const activity = app.db
      .prepare('SELECT name_ar FROM ref_activity WHERE code = ?')
      .pluck()
      .get(codes.carpets) as string
    expect(lines[0]).toContain('الهاتف')
    expect(lines[1]).toBe(
      ['أكناو', 'حسن', '', '', '', 'JE400002', commune, activity, 'نعم'].join(','),
    )
    expect(lines[2]).toBe(
      [
        'أوعلي',
        'فاطمة',
        'Ouali',
        'Fatima',
        '06 61 23 45 67',
        'JE400001',
        commune,
        activity,
        'لا',
      ].join(','),
    )
  })
})

describe('the door', () => {
  it('finds people by CIN, phone or part of an Arabic name, invitees first', async () => {
    const older = artisan({
      cin: 'JE500001',
      firstNameAr: 'فاطمة',
      lastNameAr: 'أوعلي',
      phone: '0661234567',
    })
    const newer = artisan({
      cin: 'JE500002',
      firstNameAr: 'فاطمة',
      lastNameAr: 'أوعلي',
      communeCode: otherCommune,
    })
    const s = await plan()
    await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ communeCodes: [codes.tiznitCommune] }),
    })
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: older })
    const find = async (query: string) =>
      api().call('sessions.findAtDoor', { sessionId: s.id, query })

    expect((await find('je 500002')).map((p) => p.id)).toEqual([newer])
    const byPhone = await find('06 61 23 45 67')
    expect(byPhone).toEqual([
      expect.objectContaining({ id: older, invited: true, checkedInAt: expect.any(String) }),
    ])
    const byName = await find('وعل')
    expect(byName.map((p) => p.id)).toEqual([older, newer])
    expect(byName[1]).toMatchObject({ invited: false, checkedInAt: null })
    expect(await find('')).toEqual([])
  })

  it('still puts an invitee first when a common name matches more people than the search shows', async () => {
    const invitee = artisan({ cin: 'JE510000', firstNameAr: 'محمد', lastNameAr: 'أوبلا' })
    for (let i = 1; i <= 120; i++)
      artisan({
        cin: `JE51${String(i).padStart(4, '0')}`,
        firstNameAr: 'محمد',
        lastNameAr: 'أوبلا',
        communeCode: otherCommune,
      })
    const s = await plan()
    await api().call('sessions.invite', {
      sessionId: s.id,
      filter: filter({ communeCodes: [codes.tiznitCommune] }),
    })
    const found = await api().call('sessions.findAtDoor', { sessionId: s.id, query: 'محمد أوبلا' })
    expect(found).toHaveLength(20)
    expect(found[0]).toMatchObject({ id: invitee, invited: true })
    expect(found.slice(1).every((p) => !p.invited)).toBe(true)
  })

  it('checks a person in once; a second check-in says when the first was', async () => {
    const f = funnel()
    const s = await plan()
    expect(await api().call('sessions.checkIn', { sessionId: s.id, artisanId: f.cnss })).toEqual({
      artisanId: f.cnss,
      linkedExisting: false,
      attended: 1,
    })
    const again = await errorOf(
      api().call('sessions.checkIn', { sessionId: s.id, artisanId: f.cnss }),
    )
    expect(again).toMatchObject({
      code: 'conflict',
      key: 'errors.already_checked_in',
      params: { time: expect.stringMatching(/^\d{2}:\d{2}$/) },
    })
    expect((await api().call('sessions.get', { id: s.id })).attended).toBe(1)
    expect(auditCount('session.check_in')).toBe(1)
    expect(
      await errorOf(api().call('sessions.checkIn', { sessionId: s.id, artisanId: f.deleted })),
    ).toMatchObject({ key: 'errors.artisan_not_found' })
  })

  it('undoes a check-in made by mistake', async () => {
    const f = funnel()
    const s = await plan()
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: f.amo })
    expect(await api().call('sessions.undoCheckIn', { sessionId: s.id, artisanId: f.amo })).toEqual(
      {
        attended: 0,
      },
    )
    expect(
      await errorOf(api().call('sessions.undoCheckIn', { sessionId: s.id, artisanId: f.amo })),
    ).toMatchObject({ code: 'not_found', key: 'errors.not_checked_in' })
    expect(auditCount('session.undo_check_in')).toBe(1)
    expect(
      await api().call('sessions.checkIn', { sessionId: s.id, artisanId: f.amo }),
    ).toMatchObject({ attended: 1 })
  })

  it('opens on the session day (or once held) and stays shut for a cancelled session', async () => {
    const f = funnel()
    const later = await plan({ startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T12:00` })
    expect(
      await errorOf(api().call('sessions.checkIn', { sessionId: later.id, artisanId: f.amo })),
    ).toEqual({ code: 'conflict', key: 'errors.check_in_not_open', params: { day: day(3) } })
    const today = await plan()
    await api().call('sessions.setStatus', {
      id: today.id,
      status: 'cancelled',
      reason: 'Intempéries',
    })
    expect(
      await errorOf(api().call('sessions.checkIn', { sessionId: today.id, artisanId: f.amo })),
    ).toMatchObject({ key: 'errors.session_cancelled' })
    expect(
      await errorOf(
        api().call('sessions.walkIn', {
          sessionId: today.id,
          identification: { firstNameAr: 'سعيد', lastNameAr: 'أزناك', phone: '0612345678' },
        }),
      ),
    ).toMatchObject({ key: 'errors.session_cancelled' })
    const artisans = app.db.prepare('SELECT count(*) FROM artisan').pluck().get()
    expect(artisans).toBe(7)
  })

  it('identifies a walk-in on the spot, linked to the session and found by search afterwards', async () => {
    const s = await plan()
    const result = await api().call('sessions.walkIn', {
      sessionId: s.id,
      identification: {
        firstNameAr: 'يوسف',
        lastNameAr: 'أيت باها',
        cin: 'jk 654321',
        phone: '0670112233',
        communeCode: codes.tiznitCommune,
        mainActivity: codes.pottery,
      },
    })
    expect(result).toMatchObject({ linkedExisting: false, attended: 1 })
    const file = await api().call('artisans.get', { id: result.artisanId })
    expect(file).toMatchObject({
      cin: 'JK654321',
      phone: '+212670112233',
      rnaStatus: 'identified',
      mainActivity: codes.pottery,
      provinceCode: codes.tiznitProvince,
    })
    expect(file.events).toEqual([
      expect.objectContaining({ step: 'identified', detail: { source: `session:${s.id}` } }),
    ])
    const people = await api().call('sessions.people', { sessionId: s.id })
    expect(people.items).toEqual([
      expect.objectContaining({ id: result.artisanId, invited: false, walkIn: true }),
    ])
    expect(
      (await api().call('artisans.search', { query: 'أيت باها' })).items.map((a) => a.id),
    ).toEqual([result.artisanId])
    expect(auditCount('session.walk_in')).toBe(1)
    expect(auditCount('artisan.identify')).toBe(1)
    expect((await api().call('sessions.outcomes', { sessionId: s.id })).walkIns).toBe(1)

    const twice = await errorOf(
      api().call('sessions.walkIn', {
        sessionId: s.id,
        identification: { firstNameAr: 'يوسف', lastNameAr: 'أيت باها', cin: 'JK654321' },
      }),
    )
    expect(twice).toMatchObject({ code: 'conflict', key: 'errors.already_checked_in' })
  })

  it('links a walk-in whose CIN is known to that file, creating nothing', async () => {
    const known = artisan({ cin: 'JE600001', firstNameAr: 'فاطمة', lastNameAr: 'أوعلي' })
    const byPhone = artisan({ phone: '0677889900', firstNameLat: 'Said', lastNameLat: 'Aznag' })
    const s = await plan()
    const before = app.db.prepare('SELECT count(*) FROM artisan').pluck().get()
    const linked = await api().call('sessions.walkIn', {
      sessionId: s.id,
      identification: { cin: 'JE600001', firstNameAr: 'فاطمه', lastNameAr: 'اوعلي' },
    })
    expect(linked).toEqual({ artisanId: known, linkedExisting: true, attended: 1 })
    const samePhoneSameName = await api().call('sessions.walkIn', {
      sessionId: s.id,
      identification: { phone: '06 77 88 99 00', firstNameLat: 'Saïd', lastNameLat: 'AZNAG' },
    })
    expect(samePhoneSameName).toMatchObject({ artisanId: byPhone, linkedExisting: true })
    expect(app.db.prepare('SELECT count(*) FROM artisan').pluck().get()).toBe(before)

    const samePhoneOtherName = await api().call('sessions.walkIn', {
      sessionId: s.id,
      identification: { phone: '06 77 88 99 00', firstNameLat: 'Hanane', lastNameLat: 'Aznag' },
    })
    expect(samePhoneOtherName.linkedExisting).toBe(false)
    expect(app.db.prepare('SELECT count(*) FROM artisan').pluck().get()).toBe(Number(before) + 1)
  })
})

describe('caravans', () => {
  it('groups stops, sums their people and counts outcomes once per person', async () => {
    const f = funnel()
    const caravan = await api().call('caravans.create', { title: 'Caravane Anti-Atlas' })
    expect(caravan).toMatchObject({ stops: 0, firstDay: null, lastDay: null, invited: 0 })
    const stop = (offset: number, title: string) =>
      plan({
        kind: 'caravan_stop',
        title,
        caravanId: caravan.id,
        startsAt: `${day(offset)}T23:00`,
        endsAt: `${day(offset)}T23:30`,
      })
    const second = await stop(2, 'Tafraout')
    const first = await stop(0, 'Anzi')
    await plan({ title: 'Hors caravane' })
    await api().call('sessions.invite', {
      sessionId: first.id,
      filter: filter({ pathTarget: 'not_registered' }),
    })
    await api().call('sessions.invite', { sessionId: second.id, filter: filter() })
    await api().call('sessions.checkIn', { sessionId: first.id, artisanId: f.identified })
    await api().call('sessions.walkIn', {
      sessionId: first.id,
      identification: { firstNameAr: 'سعيد', lastNameAr: 'أزناك', phone: '0612345678' },
    })

    const [listed] = await api().call('caravans.list', {})
    expect(listed).toEqual({
      id: caravan.id,
      title: 'Caravane Anti-Atlas',
      stops: 2,
      firstDay: day(0),
      lastDay: day(2),
      invited: 2 + 6,
      attended: 2,
    })
    const got = await api().call('caravans.get', { id: caravan.id })
    expect(got.stopList.map((s) => s.id)).toEqual([first.id, second.id])
    expect(got.outcomes).toMatchObject({ invited: 6, attended: 2, invitedAttended: 1, walkIns: 1 })
    expect(await errorOf(api().call('caravans.get', { id: 'no-such-caravan' }))).toMatchObject({
      code: 'not_found',
      key: 'errors.caravan_not_found',
    })
    expect(auditCount('caravan.create')).toBe(1)
    expect(await asClerk('caravans.create', { title: 'Autre caravane' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })
})
