import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '@shared/api/contract'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import { createRouter, type Handlers } from '../../electron/services/api/router'
import { memoryLogger, openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

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

const nobody: Actor = { id: 'user:nobody', name: 'Nobody', roles: [] }
const clerk: Actor = { id: 'user:clerk', name: 'Clerk', roles: ['clerk'] }

describe('the API router', () => {
  it('refuses an unknown method by name', async () => {
    const result = await app.router.call(
      { actor: app.actor(), transport: 'direct', auth: 'active' },
      'artisans.dropTable',
      {},
    )
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown_method',
        key: 'errors.unknown_method',
        params: { method: 'artisans.dropTable' },
      },
    })
  })

  it('returns field errors with i18n keys for invalid input, and changes nothing', async () => {
    const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const result = await app.router.call(
      { actor: app.actor(), transport: 'direct', auth: 'active' },
      'setup.complete',
      {
        ...VALID_SETUP,
        chamber: { ...VALID_SETUP.chamber, phone: '12' },
      },
    )
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        key: 'errors.validation',
        fields: [{ path: 'chamber.phone', key: 'validation.phone' }],
      },
    })
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
  })

  it.each([null, 'text', 42, [1, 2], { extra: true }])(
    'refuses a malformed input %j without crashing',
    async (input) => {
      const result = await app.router.call(
        { actor: app.actor(), transport: 'direct', auth: 'active' },
        'system.info',
        input,
      )
      if (input === null) expect(result.ok).toBe(true)
      else expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    },
  )

  it('checks roles itself: a caller without the role is refused whatever the UI shows', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    const asNobody = await app.router.call(
      { actor: nobody, transport: 'http', auth: 'active' },
      'settings.get',
      {},
    )
    expect(asNobody).toEqual({
      ok: false,
      error: { code: 'forbidden', key: 'errors.forbidden', params: { method: 'settings.get' } },
    })
    const asClerk = await app.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'settings.updateChamber',
      {
        chamber: VALID_SETUP.chamber,
        deskName: 'x y',
      },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(
      await app.router.call(
        { actor: clerk, transport: 'http', auth: 'active' },
        'settings.get',
        {},
      ),
    ).toMatchObject({ ok: true })
  })

  it('keeps the desk’s print preference: dialog by default, silent only with a printer, set by supervisors', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    expect(await app.direct().call('settings.printing', {})).toEqual({
      silent: false,
      printer: null,
    })
    expect(
      await app.direct().call('settings.setPrinting', { silent: true, printer: null }),
    ).toEqual({ silent: false, printer: null })
    const chosen = { silent: true, printer: 'Guichet-HP-LaserJet' }
    expect(await app.direct().call('settings.setPrinting', chosen)).toEqual(chosen)
    expect(await app.direct().call('settings.printing', {})).toEqual(chosen)
    const asClerk = await app.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'settings.setPrinting',
      {
        silent: false,
        printer: null,
      },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const tooLong = await app
      .direct()
      .call('settings.setPrinting', { silent: true, printer: 'x'.repeat(201) })
      .catch((e: unknown) => e)
    expect(tooLong).toMatchObject({ data: { code: 'validation' } })
    expect(await app.direct().call('settings.printing', {})).toEqual(chosen)
  })

  it('refuses methods that need a configured desk until setup is done', async () => {
    expect(await app.direct().call('setup.status', {})).toEqual({ done: false, language: 'ar' })
    await expect(app.direct().call('settings.get', {})).rejects.toMatchObject({
      data: { code: 'setup_required' },
    })
  })

  it('lets setup happen once only', async () => {
    await app.direct().call('setup.complete', VALID_SETUP)
    await expect(app.direct().call('setup.complete', VALID_SETUP)).rejects.toMatchObject({
      data: { code: 'conflict', key: 'errors.setup_done' },
    })
  })

  it('refuses a region that is not in the reference data, on the field', async () => {
    await expect(
      app.direct().call('setup.complete', {
        ...VALID_SETUP,
        chamber: { ...VALID_SETUP.chamber, regionCode: '13' },
      }),
    ).rejects.toMatchObject({
      data: { fields: [{ path: 'chamber.regionCode', key: 'validation.region' }] },
    })
  })

  it('validates what handlers return and hides internal failures behind a translated error', async () => {
    const log = memoryLogger()
    const handlers = Object.fromEntries(
      METHOD_NAMES.map((m) => [m, () => ({ wrong: 'shape' })]),
    ) as unknown as Handlers
    handlers['reference.regions'] = () => {
      throw new Error('disk on fire')
    }
    const router = createRouter({ handlers, isSetupDone: () => true, log })
    const ctx = { actor: app.actor(), transport: 'direct' as const, auth: 'direct' as const }
    expect(await router.call(ctx, 'system.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', key: 'errors.internal' },
    })
    expect(await router.call(ctx, 'reference.regions', {})).toEqual({
      ok: false,
      error: { code: 'internal', key: 'errors.internal' },
    })
    expect(log.errors).toEqual([
      'router: system.info returned output outside its contract',
      'router: reference.regions failed',
    ])
  })

  it('serves the 12 regions of the reference data', async () => {
    const regions = await app.direct().call('reference.regions', {})
    expect(regions).toHaveLength(12)
    expect(regions.find((r) => r.code === '09')).toMatchObject({
      nameAr: 'سوس ماسة',
      nameFr: 'Souss-Massa',
    })
  })
})
