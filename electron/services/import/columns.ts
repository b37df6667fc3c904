import type { IdentificationField } from '@shared/artisans/identification'
import { normalizeArabic, normalizeLatin } from '@shared/text/normalize'

/**
 * Recognises the columns of identification lists as chambers write them (French, Arabic
 * or English headers, with or without accents) so that most files need no mapping.
 */
const HEADERS: Record<IdentificationField, string[]> = {
  cin: [
    'cin',
    'cnie',
    'n cin',
    'num cin',
    'numero cin',
    'carte nationale',
    'رقم البطاقة الوطنية',
    'رقم البطاقة',
    'البطاقة الوطنية',
  ],
  phone: ['telephone', 'tel', 'gsm', 'phone', 'mobile', 'n telephone', 'الهاتف', 'رقم الهاتف'],
  firstNameAr: [
    'الاسم الشخصي',
    'الاسم الشخصي بالعربية',
    'الاسم',
    'prenom ar',
    'prenom arabe',
    'prenom en arabe',
    'first name in arabic',
  ],
  lastNameAr: [
    'الاسم العائلي',
    'الاسم العائلي بالعربية',
    'النسب',
    'nom ar',
    'nom arabe',
    'nom en arabe',
    'family name in arabic',
  ],
  firstNameLat: [
    'prenom',
    'first name',
    'firstname',
    'prenom en lettres latines',
    'first name in latin letters',
    'الاسم الشخصي بالحروف اللاتينية',
  ],
  lastNameLat: [
    'nom',
    'last name',
    'family name',
    'nom de famille',
    'lastname',
    'nom en lettres latines',
    'family name in latin letters',
    'الاسم العائلي بالحروف اللاتينية',
  ],
  sex: ['sexe', 'sex', 'genre', 'الجنس'],
  birthDate: [
    'date de naissance',
    'naissance',
    'birth date',
    'date of birth',
    'تاريخ الازدياد',
    'تاريخ الولادة',
  ],
  provinceCode: [
    'province',
    'prefecture',
    'province ou prefecture',
    'province or prefecture',
    'الإقليم',
    'العمالة',
    'الإقليم أو العمالة',
  ],
  communeCode: ['commune', 'code commune', 'الجماعة'],
  mainActivity: [
    'activite',
    'activite principale',
    'metier',
    'activity',
    'main activity',
    'النشاط',
    'النشاط الرئيسي',
    'الحرفة',
  ],
}

const key = (h: string) =>
  normalizeLatin(normalizeArabic(h)).replace(/[°º:]/g, '').replace(/\s+/g, ' ').trim()
const LOOKUP = new Map<string, IdentificationField>(
  (Object.entries(HEADERS) as [IdentificationField, string[]][]).flatMap(([field, names]) =>
    names.map((n) => [key(n), field] as [string, IdentificationField]),
  ),
)

/** Column index → field, for every header that is recognised (first occurrence wins). */
export function guessMapping(headers: string[]): Record<number, IdentificationField> {
  const mapping: Record<number, IdentificationField> = {}
  const taken = new Set<IdentificationField>()
  headers.forEach((h, i) => {
    const field = LOOKUP.get(key(h))
    if (field && !taken.has(field)) {
      mapping[i] = field
      taken.add(field)
    }
  })
  return mapping
}
