import type { ArtisanFile } from '@shared/artisans/records'
import { formatDay } from '@shared/text/dates'
import { drawText } from './layout/draw'
import {
  bilingual,
  both,
  craftRows,
  duplicateMark,
  FOOT_Y,
  footer,
  header,
  newDocument,
  numberAndDate,
  PAGE,
  row,
  section,
  signatures,
  t,
  title,
  toBuffer,
  value,
  type Chamber,
  type Doc,
} from './page'
import { drawQr } from './qr'

/**
 * The registration certificate (شهادة التسجيل في السجل الوطني للصناعة التقليدية /
 * Attestation d'inscription au Registre National de l'Artisanat): printable once the
 * registry has assigned the NIA; carries a QR code with a signed payload that any holder
 * of the public key verifies offline. The content (QR included) is kept with the issuance,
 * so a duplicata carries the same QR.
 */
export interface CertificateContent {
  number: string
  issuedOn: string
  issuedBy: string
  nia: string
  registeredOn: string | null
  artisan: {
    cin: string | null
    nameAr: string
    nameLat: string
    actorType: string
    organisation: string
    activity: { ar: string; fr: string } | null
    commune: { ar: string; fr: string } | null
  }
  qr: string
  keyId: string
}

export function certificateContent(
  file: ArtisanFile,
  names: {
    activity: { ar: string; fr: string } | null
    commune: { ar: string; fr: string } | null
  },
  issue: { number: string; issuedOn: string; issuedBy: string },
): Omit<CertificateContent, 'qr' | 'keyId'> {
  return {
    ...issue,
    nia: file.nia ?? '',
    registeredOn: file.rnaRegisteredAt,
    artisan: {
      cin: file.cin,
      nameAr: [file.firstNameAr, file.lastNameAr].filter(Boolean).join(' '),
      nameLat: [file.firstNameLat, file.lastNameLat].filter(Boolean).join(' '),
      actorType: file.actorType,
      organisation: file.organisationName,
      activity: names.activity,
      commune: names.commune,
    },
  }
}

/** What the QR code says (signed): number, NIA, name, activity code, date. */
export function certificatePayload(
  c: Omit<CertificateContent, 'qr' | 'keyId'>,
  activity: string | null,
) {
  return {
    v: 1,
    t: 'A',
    n: c.number,
    nia: c.nia,
    nm: c.artisan.nameLat || c.artisan.nameAr,
    ar: c.artisan.nameAr,
    a: activity,
    d: c.issuedOn,
  }
}

export async function renderCertificate(
  c: CertificateContent,
  chamber: Chamber,
  copy: number,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const doc = newDocument(`${t('fr', 'documents.certificate')} ${c.number}`)
  drawCertificate(doc, c, chamber, copy, warnings)
  return { pdf: await toBuffer(doc), warnings }
}

/** Draws one certificate on the document's current page (batches add a page each). */
export function drawCertificate(
  doc: Doc,
  c: CertificateContent,
  chamber: Chamber,
  copy: number,
  warnings: string[],
): void {
  if (copy > 0) duplicateMark(doc)
  let y = header(doc, chamber, warnings)
  y = title(doc, 'documents.certificateTitle', y, copy > 0)
  y = numberAndDate(doc, y, c.number, c.issuedOn)
  const a = c.artisan
  y = bilingual(
    doc,
    y + 8,
    t('ar', 'documents.certifies', { chamber: chamber.nameAr }),
    t('fr', 'documents.certifies', { chamber: chamber.nameFr }),
    10,
  )
  y = section(doc, 'documents.artisan', y + 2)
  y = row(doc, y, both('documents.fullName'), [value(a.nameAr, 'rtl'), value(a.nameLat)])
  if (a.organisation) y = row(doc, y, both('register.organisationName'), [value(a.organisation)])
  y = row(doc, y, both('artisan.cin'), [value(a.cin)])
  y = craftRows(doc, y, a)
  y = section(doc, 'documents.registration', y + 6)
  y = row(doc, y, both('artisan.nia'), [{ text: c.nia, direction: 'ltr' }])
  y = row(doc, y, both('documents.registeredOn'), [value(formatDay(c.registeredOn))])
  bilingual(
    doc,
    y + 6,
    t('ar', 'documents.certificateUse', { nia: c.nia }),
    t('fr', 'documents.certificateUse', { nia: c.nia }),
  )
  drawQr(doc, c.qr, PAGE.margin, FOOT_Y - 6, 92)
  // The signing key's id travels inside the signed QR payload; it is not printed (it means
  // nothing to the reader; the desk shows it in Settings › About).
  drawText(doc, `${t('fr', 'documents.qrCaption')}\n${t('ar', 'documents.qrCaption')}`, {
    x: PAGE.margin + 96,
    y: FOOT_Y + 24,
    width: 150,
    size: 7,
    direction: 'ltr',
    color: '#555555',
  })
  signatures(doc, 'chamber')
  footer(doc, `${c.number} · ${t('fr', 'documents.issuedBy', { name: c.issuedBy })} · Sijill`)
}
