import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { searchArtisans } from '../../electron/services/artisans/search'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration, type TestCodes } from '../helpers/registration'

/** Counter search and duplicate detection on a small real register. */
let cleanup: () => void
let app: SijillApp
let codes: TestCodes
const ids: Record<string, string> = {}

const PEOPLE = [
  {
    key: 'mohamed',
    cin: 'J100001',
    sex: 'M',
    firstNameAr: 'مُحَمَّد',
    lastNameAr: 'العلوي',
    firstNameLat: 'Mohammed',
    lastNameLat: 'El Alaoui',
    phone: '0661000001',
    birthDate: '1970-01-01',
  },
  {
    key: 'fatima',
    cin: 'J100002',
    firstNameAr: 'فاطمة',
    lastNameAr: 'أيت باها',
    firstNameLat: 'Fatima',
    lastNameLat: 'Ait Baha',
    phone: '+212 661 000 002',
    birthDate: '1982-05-20',
  },
  {
    key: 'mustapha',
    cin: 'JB200003',
    sex: 'M',
    firstNameAr: 'مصطفى',
    lastNameAr: 'الإدريسي',
    firstNameLat: 'Mustapha',
    lastNameLat: 'Idrissi',
    phone: '0761000003',
    birthDate: '1965-11-30',
  },
] as const

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  app = openTestDesk(t.dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  codes = testCodes(app.db)
  for (const { key, ...p } of PEOPLE) {
    ids[key] = (await app.direct().call('artisans.register', validRegistration(codes, p))).id
  }
})
afterAll(() => {
  app.close()
  cleanup()
})

const search = (query: string) => app.direct().call('artisans.search', { query })
const found = async (query: string) => (await search(query)).items.map((a) => a.cin)

describe('counter search', () => {
  it('finds by CIN whatever the case and spacing', async () => {
    expect(await search('j100001')).toMatchObject({ kind: 'cin', items: [{ cin: 'J100001' }] })
    expect(await found(' JB 200003 ')).toEqual(['JB200003'])
  })

  it('finds by the start of a CIN', async () => {
    expect(await found('J1000')).toEqual(['J100002', 'J100001'])
  })

  it('finds by phone in any format', async () => {
    for (const q of [
      '0661000002',
      '06 61 00 00 02',
      '+212661000002',
      '00212 661-000-002',
      '٠٦٦١٠٠٠٠٠٢',
    ]) {
      expect(await search(q), q).toMatchObject({ kind: 'phone', items: [{ cin: 'J100002' }] })
    }
  })

  it('finds by NIA once one is recorded', async () => {
    await app.direct().call('artisans.recordStep', {
      artisanId: ids.mustapha as string,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2025-02-03', nia: '0900001234' },
    })
    expect(await search('0900001234')).toMatchObject({ kind: 'nia', items: [{ cin: 'JB200003' }] })
  })

  it('finds any fragment of an Arabic name, tolerant of hamza, ة/ه, ى/ي and tashkeel', async () => {
    expect(await found('محمد')).toEqual(['J100001'])
    expect(await found('علوي')).toEqual(['J100001'])
    expect(await found('فاطمه')).toEqual(['J100002'])
    expect(await found('ايت باها')).toEqual(['J100002'])
    expect(await found('مصطفي')).toEqual(['JB200003'])
    expect(await found('الادريسي')).toEqual(['JB200003'])
  })

  it('finds Latin names through their spelling variants', async () => {
    expect(await found('Mohamed')).toEqual(['J100001'])
    expect(await found('mohammed alaoui')).toEqual(['J100001'])
    expect(await found('Aït Baha')).toEqual(['J100002'])
    expect(await found('idris')).toEqual(['JB200003'])
  })

  it('takes whole names typed as whole words, and fragments as parts of any name', async () => {
    // "محمد العلوي" as whole words; "حمد علو" as fragments of the same names.
    expect(await found('محمد العلوي')).toEqual(['J100001'])
    expect(await found('حمد علو')).toEqual(['J100001'])
    expect(await found('محمد الإدريسي')).toEqual([])
  })

  it('finds a Latin fragment as typed even where folding rewrites the name', async () => {
    expect(await found('Moham')).toEqual(['J100001'])
    expect(await found('musta')).toEqual(['JB200003'])
  })

  it('says when a name fragment is too short, and finds nothing for a stranger', async () => {
    expect((await search('fa')).kind).toBe('too_short')
    expect(await search('Zerhouni')).toMatchObject({ kind: 'name', items: [] })
    expect(await search('ZZ999999')).toMatchObject({ kind: 'cin', items: [] })
  })
})

describe('duplicate warnings', () => {
  afterEach(() => undefined)

  it('points at the file holding the same CIN', async () => {
    const d = await app.direct().call('artisans.duplicates', { cin: 'j 100001' })
    expect(d.sameCin?.id).toBe(ids.mohamed)
  })

  it('flags the same phone, and a similar name with the same birth date, in either script', async () => {
    const d = await app.direct().call('artisans.duplicates', {
      phone: '06 61 00 00 02',
      firstNameLat: 'Mohamed',
      lastNameLat: 'Alaoui',
      birthDate: '1970-01-01',
    })
    expect(d.similar.map((s) => [s.artisan.cin, s.reasons])).toEqual(
      expect.arrayContaining([
        ['J100002', ['phone']],
        ['J100001', ['name_birth']],
      ]),
    )
    const arabic = await app.direct().call('artisans.duplicates', {
      firstNameAr: 'محمد',
      lastNameAr: 'العلوى',
      birthDate: '1970-01-01',
    })
    expect(arabic.similar.map((s) => s.artisan.cin)).toEqual(['J100001'])
  })

  it('is not fooled by a common first name alone or a different birth date', async () => {
    const d = await app.direct().call('artisans.duplicates', {
      firstNameLat: 'Mohamed',
      lastNameLat: 'Bennani',
      birthDate: '1970-01-01',
    })
    expect(d.similar).toEqual([])
    const other = await app.direct().call('artisans.duplicates', {
      firstNameLat: 'Mohamed',
      lastNameLat: 'Alaoui',
      birthDate: '1971-01-01',
    })
    expect(other.similar).toEqual([])
  })

  it('stops warning about a pair once a clerk decided they are different people', async () => {
    const { id } = await app.direct().call(
      'artisans.register',
      validRegistration(codes, {
        cin: 'J300004',
        firstNameAr: 'محمد',
        lastNameAr: 'العلوي',
        firstNameLat: 'Mohamed',
        lastNameLat: 'Alaoui',
        phone: '0661999999',
        birthDate: '1970-01-01',
        notSameAs: [ids.mohamed as string],
      }),
    )
    const probe = {
      excludeId: id,
      firstNameLat: 'Mohamed',
      lastNameLat: 'Alaoui',
      birthDate: '1970-01-01',
    }
    expect((await app.direct().call('artisans.duplicates', probe)).similar).toEqual([])
    expect(
      (await app.direct().call('artisans.duplicates', { ...probe, excludeId: undefined })).similar
        .length,
    ).toBe(2)
  })
})

describe('search input', () => {
  it('takes a control character inside the query for a space, never a server error', async () => {
    for (const query of [
      'Moh\u0000amed',
      'محمد\u0000',
      '\u001bAlaoui',
      'Ait\u0007 Baha',
      '\u0000',
    ]) {
      const outcome = await search(query).then(
        (result) => ({ ok: true as const, kind: result.kind }),
        (error: unknown) => ({
          ok: false as const,
          code: (error as { data?: { code?: string } }).data?.code,
        }),
      )
      if (outcome.ok) expect(['name', 'empty', 'too_short']).toContain(outcome.kind)
      else expect(outcome.code, query).toBe('validation')
    }
    // Behind the API's refusal, the search itself reads a control character as a space.
    const cins = (q: string) => searchArtisans(app.db, q).items.map((a) => a.cin)
    expect(cins('Mohammed\u0000')[0]).toBe('J100001')
    expect(cins('محمد\u0000\u001b العلوي')).toContain('J100001')
  })

  it('lists the files written exactly as typed before the other spellings', async () => {
    const { id } = await app.direct().call(
      'artisans.register',
      validRegistration(codes, {
        cin: 'J500005',
        firstNameAr: 'محمد',
        lastNameAr: 'بناني',
        firstNameLat: 'Mohamed',
        lastNameLat: 'Bennani',
        phone: '0661555555',
      }),
    )
    const older = await app.direct().call(
      'artisans.register',
      validRegistration(codes, {
        cin: 'J500006',
        firstNameAr: 'محمد',
        lastNameAr: 'بناني',
        firstNameLat: 'Muhammad',
        lastNameLat: 'Bennani',
        phone: '0661555556',
      }),
    )
    expect((await search('Muhammad Bennani')).items.map((a) => a.id)).toEqual([older.id, id])
    expect((await search('Mohamed Bennani')).items.map((a) => a.id)).toEqual([id, older.id])
  })
})
