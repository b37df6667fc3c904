import { openTestDesk, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration } from '../helpers/registration'

/** A desk set up (in Arabic unless told) with three artisans, written straight into its database. */
export async function deskWithArtisans(
  dataDir: string,
  language: 'ar' | 'fr' = 'ar',
): Promise<void> {
  const app = openTestDesk(dataDir)
  try {
    await app.direct().call('setup.complete', { ...VALID_SETUP, language })
    const codes = testCodes(app.db)
    const people = [
      {
        cin: 'J100001',
        sex: 'M' as const,
        firstNameAr: 'محمد',
        lastNameAr: 'العلوي',
        firstNameLat: 'Mohamed',
        lastNameLat: 'El Alaoui',
        phone: '0661000001',
        birthDate: '1970-01-01',
      },
      {
        cin: 'J100002',
        firstNameAr: 'فاطمة',
        lastNameAr: 'أيت باها',
        firstNameLat: 'Fatima',
        lastNameLat: 'Ait Baha',
        phone: '0661000002',
        birthDate: '1982-05-20',
      },
      {
        cin: 'JB200003',
        sex: 'M' as const,
        firstNameAr: 'مصطفى',
        lastNameAr: 'الإدريسي',
        firstNameLat: 'Mustapha',
        lastNameLat: 'Idrissi',
        phone: '0761000003',
        birthDate: '1965-11-30',
      },
    ]
    for (const p of people)
      await app.direct().call('artisans.register', validRegistration(codes, p))
  } finally {
    app.close()
  }
}
