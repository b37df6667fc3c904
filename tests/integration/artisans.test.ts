import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration, type TestCodes } from '../helpers/registration'

let dir: string
let cleanup: () => void
let app: SijillApp
let codes: TestCodes
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  codes = testCodes(app.db)
})
afterEach(() => {
  app.close()
  cleanup()
})

const count = (sql: string) => app.db.prepare(sql).pluck().get() as number

describe('registering an artisan at the counter', () => {
  it('stores the file, its first path step, an audit row and an outbox row together', async () => {
    const outboxBefore = count('SELECT count(*) FROM outbox')
    const { id } = await app.direct().call('artisans.register', validRegistration(codes))
    const file = await app.direct().call('artisans.get', { id })
    expect(file).toMatchObject({
      cin: 'JE123456',
      phone: '+212661234567',
      firstNameAr: 'فاطمة',
      rnaStatus: 'pending',
      coverStatus: 'none',
      version: 1,
    })
    expect(file.events.map((e) => e.step)).toEqual(['identified'])
    expect(count('SELECT count(*) FROM outbox') - outboxBefore).toBe(1)
    expect(
      app.db.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get(),
    ).toBe('artisan.register')
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it('refuses a second file with the same CIN, however it is typed, and names the existing file', async () => {
    const { id } = await app.direct().call('artisans.register', validRegistration(codes))
    await expect(
      app
        .direct()
        .call(
          'artisans.register',
          validRegistration(codes, { cin: 'je 123 456', phone: '0700000000' }),
        ),
    ).rejects.toMatchObject({
      data: {
        code: 'conflict',
        key: 'errors.cin_taken',
        fields: [{ path: 'cin', key: 'validation.cin_taken', params: { id } }],
      },
    })
    expect(count('SELECT count(*) FROM artisan')).toBe(1)
  })

  it('refuses a commune outside the chosen province, and an unknown activity, on their fields', async () => {
    const otherCommune = app.db
      .prepare('SELECT code FROM ref_commune WHERE province_code != ? LIMIT 1')
      .pluck()
      .get(codes.tiznitProvince) as string
    await expect(
      app
        .direct()
        .call(
          'artisans.register',
          validRegistration(codes, { communeCode: otherCommune, mainActivity: 'P99.999' }),
        ),
    ).rejects.toMatchObject({
      data: {
        fields: [
          { path: 'communeCode', key: 'validation.territory' },
          { path: 'mainActivity', key: 'validation.activity' },
        ],
      },
    })
  })

  it('applies the rules of law 50.17: practice years, master artisans, organisations, evidence, consent', async () => {
    const attempt = (overrides: Parameters<typeof validRegistration>[1]) =>
      app
        .direct()
        .call('artisans.register', validRegistration(codes, overrides))
        .catch((e) => e.data.fields)
    expect(await attempt({ practiceYears: 2 })).toEqual([
      { path: 'practiceYears', key: 'validation.practice_years' },
    ])
    expect(await attempt({ actorType: 'master_artisan', practiceYears: 7 })).toEqual([
      { path: 'practiceYears', key: 'validation.master_years' },
    ])
    expect(await attempt({ actorType: 'cooperative' })).toEqual([
      { path: 'organisationName', key: 'validation.organisation_required' },
      { path: 'organisationLegalId', key: 'validation.organisation_required' },
    ])
    expect(
      await attempt({
        evidence: {
          cinCopy: false,
          diploma: false,
          practiceAttestation: false,
          masterAttestation: false,
        },
      }),
    ).toEqual([
      { path: 'evidence.cinCopy', key: 'validation.evidence_cin' },
      { path: 'evidence', key: 'validation.evidence_qualification' },
    ])
    expect(await attempt({ consent: false })).toEqual([
      { path: 'consent', key: 'validation.consent' },
    ])
    expect(await attempt({ birthDate: '2020-01-01' })).toEqual([
      { path: 'birthDate', key: 'validation.birth_date_range' },
    ])
    expect(await attempt({ birthDate: '1980-02-30' })).toEqual([
      { path: 'birthDate', key: 'validation.date' },
    ])
    expect(await attempt({ cin: 'ABC12' })).toEqual([{ path: 'cin', key: 'validation.cin' }])
    expect(count('SELECT count(*) FROM artisan')).toBe(0)
  })

  it('accepts Arabic-Indic digits and stray spaces from a pasted CIN card', async () => {
    const { id } = await app.direct().call(
      'artisans.register',
      validRegistration(codes, {
        cin: ' je١٢٣٤٥٦ ',
        birthDate: '١٩٧٨-٠٣-١٤',
        phone: '٠٦٦١٢٣٤٥٦٧',
      }),
    )
    expect(await app.direct().call('artisans.get', { id })).toMatchObject({
      cin: 'JE123456',
      birthDate: '1978-03-14',
    })
  })
})

describe('the path of an artisan', () => {
  it('records CNSS pre-registration, AMO, an NIA obtained by hand and a bank account, each with history', async () => {
    const api = app.direct()
    const { id } = await api.call('artisans.register', validRegistration(codes))
    let { version } = await api.call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2025-06-02', nia: '09-0000 0123' },
    })
    ;({ version } = await api.call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: version,
      action: { step: 'cnss_pre_registered', happenedOn: '2025-07-01', cnssNumber: '123456789' },
    }))
    ;({ version } = await api.call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: version,
      action: { step: 'amo_covered', happenedOn: '2025-09-01' },
    }))
    ;({ version } = await api.call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: version,
      action: { step: 'bank_opened', happenedOn: '2025-09-15', bank: 'al_barid_bank' },
    }))
    const file = await api.call('artisans.get', { id })
    expect(file).toMatchObject({
      nia: '0900000123',
      rnaStatus: 'registered',
      rnaRegisteredAt: '2025-06-02',
      coverStatus: 'amo_covered',
      cnssNumber: '123456789',
      bankStatus: 'opened',
      bankPartner: 'al_barid_bank',
      version: 5,
    })
    // History is in the order things happened: the steps of 2025, then today's identification.
    expect(file.events.map((e) => e.step)).toEqual([
      'rna_registered',
      'cnss_pre_registered',
      'amo_covered',
      'bank_opened',
      'identified',
    ])
    expect(file.events.map((e) => e.happenedOn).filter((d) => d.startsWith('2025'))).toEqual([
      '2025-06-02',
      '2025-07-01',
      '2025-09-01',
      '2025-09-15',
    ])
    expect(count(`SELECT count(*) FROM outbox WHERE op = 'update'`)).toBe(4)
  })

  it('refuses a step recorded on a file that changed meanwhile, and one that makes no sense yet', async () => {
    const api = app.direct()
    const { id } = await api.call('artisans.register', validRegistration(codes))
    await expect(
      api.call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: 1,
        action: { step: 'amo_covered', happenedOn: '2025-01-01' },
      }),
    ).rejects.toMatchObject({ data: { key: 'errors.step_amo_needs_cnss' } })
    await api.call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'bank_referred', happenedOn: '2025-01-01', bank: 'cam' },
    })
    await expect(
      api.call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: 1,
        action: { step: 'other_cover', happenedOn: '2025-01-01', scheme: 'CNOPS' },
      }),
    ).rejects.toMatchObject({ data: { code: 'conflict', key: 'errors.stale_file' } })
  })

  it('refuses a future date and an NIA already held by someone else', async () => {
    const api = app.direct()
    const a = await api.call('artisans.register', validRegistration(codes))
    const b = await api.call(
      'artisans.register',
      validRegistration(codes, { cin: 'JE654321', phone: '0700112233', firstNameLat: 'Aicha' }),
    )
    await expect(
      api.call('artisans.recordStep', {
        artisanId: a.id,
        expectedVersion: 1,
        action: { step: 'amo_covered', happenedOn: '2999-01-01' },
      }),
    ).rejects.toMatchObject({
      data: { fields: [{ path: 'action.happenedOn', key: 'validation.date_future' }] },
    })
    await api.call('artisans.recordStep', {
      artisanId: a.id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2025-01-01', nia: '0912345678' },
    })
    await expect(
      api.call('artisans.recordStep', {
        artisanId: b.id,
        expectedVersion: 1,
        action: { step: 'rna_registered', happenedOn: '2025-01-01', nia: '0912345678' },
      }),
    ).rejects.toMatchObject({ data: { key: 'errors.nia_taken' } })
  })
})
