import type { ArtisanFile } from '@shared/artisans/records'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { formatDay } from '@shared/text/dates'
import {
  bilingual,
  both,
  craftRows,
  duplicateMark,
  footer,
  header,
  newDocument,
  numberAndDate,
  row,
  section,
  signatures,
  t,
  title,
  toBuffer,
  value,
  type Chamber,
} from './page'

/**
 * The deposit receipt (وصل الإيداع / récépissé de dépôt): for an artisan identified or
 * waiting for the RNA, printed at the counter, offline — what was received, and what
 * comes next. Its content is kept with the issuance, so a duplicata prints the same.
 */
export interface ReceiptContent {
  number: string
  issuedOn: string
  issuedBy: string
  artisan: {
    cin: string | null
    nameAr: string
    nameLat: string
    birthDate: string | null
    phone: string | null
    actorType: string
    activity: { ar: string; fr: string } | null
    commune: { ar: string; fr: string } | null
  }
  evidence: string[]
  consentOn: string | null
}

export function receiptContent(
  file: ArtisanFile,
  names: {
    activity: { ar: string; fr: string } | null
    commune: { ar: string; fr: string } | null
  },
  issue: { number: string; issuedOn: string; issuedBy: string },
): ReceiptContent {
  return {
    ...issue,
    artisan: {
      cin: file.cin,
      nameAr: [file.firstNameAr, file.lastNameAr].filter(Boolean).join(' '),
      nameLat: [file.firstNameLat, file.lastNameLat].filter(Boolean).join(' '),
      birthDate: file.birthDate,
      phone: file.phone,
      actorType: file.actorType,
      activity: names.activity,
      commune: names.commune,
    },
    evidence: Object.entries(file.evidence)
      .filter(([, seen]) => seen)
      .map(([key]) => key),
    consentOn: file.consentAt?.slice(0, 10) ?? null,
  }
}

export async function renderReceipt(
  c: ReceiptContent,
  chamber: Chamber,
  copy: number,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const doc = newDocument(`${t('fr', 'documents.receipt')} ${c.number}`)
  if (copy > 0) duplicateMark(doc)
  let y = header(doc, chamber, warnings)
  y = title(doc, 'documents.receipt', y, copy > 0)
  y = numberAndDate(doc, y, c.number, c.issuedOn)
  y = section(doc, 'documents.artisan', y + 4)
  const a = c.artisan
  y = row(doc, y, both('documents.fullName'), [value(a.nameAr, 'rtl'), value(a.nameLat)])
  y = row(doc, y, both('artisan.cin'), [value(a.cin)])
  y = row(doc, y, both('register.birthDate'), [value(formatDay(a.birthDate))])
  y = row(doc, y, both('export.phone'), [value(a.phone ? formatMoroccanPhone(a.phone) : null)])
  y = craftRows(doc, y, a)
  y = section(doc, 'documents.received', y + 6)
  for (const key of c.evidence)
    y = bilingual(
      doc,
      y,
      `• ${t('ar', `register.evidence.${key}`)}`,
      `• ${t('fr', `register.evidence.${key}`)}`,
      10,
    )
  if (c.consentOn)
    y = bilingual(
      doc,
      y,
      t('ar', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
      t('fr', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
    )
  y = section(doc, 'documents.next', y + 6)
  y = bilingual(doc, y, t('ar', 'documents.nextText'), t('fr', 'documents.nextText'))
  signatures(doc)
  footer(doc, `${c.number} · ${t('fr', 'documents.issuedBy', { name: c.issuedBy })} · Sijill`)
  return { pdf: await toBuffer(doc), warnings }
}
