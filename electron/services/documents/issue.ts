import { isValidNia } from '@shared/validation/nia'
import type { Actor } from '@shared/api/roles'
import type { DocumentSummary } from '@shared/api/methods/documents'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { getArtisanFile } from '../artisans/read'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { deskIdentity, getProfile } from '../settings/desk-profile-service'
import type { Chamber } from './page'
import {
  certificateContent,
  certificatePayload,
  renderCertificate,
  type CertificateContent,
} from './certificate'
import { receiptContent, renderReceipt, type ReceiptContent } from './receipt'
import { renderSummary, summaryContent, type SummaryContent } from './summary'
import { checkCoverage } from './layout/paragraph'
import { publicKeyOf, signPayload } from './signing'
import { readState } from '../sync/state'
import { enqueue } from '../outbox/outbox'

/**
 * Issuing documents: a number made on the desk (type, region, year, desk, sequence —
 * unique without asking anyone; the desk part is the registry's desk code once the desk
 * is enrolled), the content kept with the issuance, the PDF rendered;
 * reprints are duplicata of the same number and content; cancelling keeps the record with
 * its reason. Every step is audited.
 */
const PREFIX = { receipt: 'R', certificate: 'A', summary: 'F' } as const
type DocumentType = keyof typeof PREFIX

export interface DocumentRow {
  id: string
  number: string
  copy: number
  type: DocumentType
  artisanId: string
  contentJson: string
  cancelledAt: string | null
}

function nextNumber(db: Db, type: DocumentType, at: string): string {
  const year = Number(at.slice(0, 4))
  const last = sql(
    db,
    `INSERT INTO document_sequence (type, year, last) VALUES (?, ?, 1)
       ON CONFLICT (type, year) DO UPDATE SET last = last + 1 RETURNING last`,
  )
    .pluck()
    .get(type, year) as number
  const region = getProfile(db).chamber.regionCode
  // The code the registry gave this desk at enrolment (unique nationally); before that,
  // four characters of the desk's own id.
  const desk =
    readState(db, 'enrolment')?.deskCode ??
    deskIdentity(db).deskId.replace(/-/g, '').slice(-4).toUpperCase()
  return `${PREFIX[type]}-${region}-${year}-${desk}-${String(last).padStart(6, '0')}`
}

export function chamberOf(db: Db): Chamber {
  const c = getProfile(db).chamber
  const logo = c.logo ? Buffer.from(c.logo.slice(c.logo.indexOf(',') + 1), 'base64') : null
  return { nameAr: c.nameAr, nameFr: c.nameFr, address: c.address, phone: c.phone, logo }
}

function referenceName(
  db: Db,
  table: 'ref_commune' | 'ref_activity' | 'ref_province',
  code: string | null,
) {
  if (!code) return null
  return (
    (sql(db, `SELECT name_ar AS ar, name_fr AS fr FROM ${table} WHERE code = ?`).get(code) as
      { ar: string; fr: string } | undefined) ?? null
  )
}

function readRow(db: Db, id: string): DocumentRow {
  const row = sql(
    db,
    `SELECT id, number, copy, type, artisan_id AS artisanId, content_json AS contentJson,
         cancelled_at AS cancelledAt FROM document WHERE id = ?`,
  ).get(id) as DocumentRow | undefined
  if (!row) throw appError('not_found', 'errors.not_found')
  return row
}

export interface Printed {
  id: string
  number: string
  copy: number
  fileName: string
  base64: string
  warnings: string[]
}

async function render(
  db: Db,
  row: Pick<DocumentRow, 'id' | 'number' | 'copy' | 'type' | 'contentJson'>,
) {
  const content: unknown = JSON.parse(row.contentJson)
  const renderer = {
    certificate: () => renderCertificate(content as CertificateContent, chamberOf(db), row.copy),
    receipt: () => renderReceipt(content as ReceiptContent, chamberOf(db), row.copy),
    summary: () => renderSummary(content as SummaryContent, chamberOf(db), row.copy),
  }[row.type]
  const { pdf, warnings } = await renderer()
  const suffix = row.copy > 0 ? `-duplicata-${row.copy}` : ''
  return {
    id: row.id,
    number: row.number,
    copy: row.copy,
    fileName: `${row.number}${suffix}.pdf`,
    base64: pdf.toString('base64'),
    warnings,
  }
}

function insert(db: Db, actor: Actor, row: Omit<DocumentRow, 'cancelledAt'>, at: string) {
  sql(
    db,
    `INSERT INTO document (id, number, copy, type, artisan_id, issued_at, issued_by, issued_by_name, content_json)
     VALUES (@id, @number, @copy, @type, @artisanId, @at, @by, @byName, @contentJson)`,
  ).run({ ...row, at, by: actor.id, byName: actor.name })
}

/** Every text a document will print, checked against the document fonts. */
function checkTexts(value: unknown): void {
  if (typeof value === 'string') checkCoverage(value)
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) if (key !== 'qr') checkTexts(v)
}

/**
 * Records the issuance of a receipt, certificate or file summary for an artisan (number, content, audit;
 * a certificate's QR code signed and the artisan's certificate marked issued). Call inside
 * a transaction; the caller renders.
 */
export function recordIssue(
  db: Db,
  actor: Actor,
  artisanId: string,
  type: DocumentType,
): DocumentRow {
  const file = getArtisanFile(db, artisanId)
  if (type === 'receipt' && file.rnaStatus === 'registered')
    throw appError('conflict', 'errors.receipt_registered')
  if (type === 'certificate' && (file.rnaStatus !== 'registered' || !file.nia))
    throw appError('conflict', 'errors.certificate_needs_nia')
  if (type === 'certificate' && !isValidNia(file.nia))
    throw appError('conflict', 'errors.nia_invalid', { nia: file.nia ?? '' })
  const at = nowIso()
  const number = nextNumber(db, type, at)
  const names = {
    activity: referenceName(db, 'ref_activity', file.mainActivity),
    commune: referenceName(db, 'ref_commune', file.communeCode),
  }
  const issue = { number, issuedOn: at.slice(0, 10), issuedBy: actor.name }
  let content: ReceiptContent | CertificateContent | SummaryContent
  if (type === 'receipt') content = receiptContent(file, names, issue)
  else if (type === 'summary')
    content = summaryContent(
      file,
      {
        ...names,
        province: referenceName(db, 'ref_province', file.provinceCode),
        secondary: file.secondaryActivities
          .map((code) => referenceName(db, 'ref_activity', code))
          .filter((n): n is { ar: string; fr: string } => n !== null),
      },
      issue,
    )
  else {
    const base = certificateContent(file, names, issue)
    const qr = signPayload(db, certificatePayload(base, file.mainActivity))
    const keyId = String(
      (JSON.parse(Buffer.from(qr.split('.')[1] ?? '', 'base64url').toString()) as { k: string }).k,
    )
    content = { ...base, qr, keyId }
    sql(db, 'UPDATE artisan SET certificate_issued_at = ? WHERE id = ?').run(at, artisanId)
  }
  checkTexts(content) // a character no font can draw: refused before anything is recorded
  const row = {
    id: uuidv7(),
    number,
    copy: 0,
    type,
    artisanId,
    contentJson: JSON.stringify(content),
  }
  insert(db, actor, row, at)
  if (type === 'certificate') {
    const c = content as CertificateContent
    enqueue(
      db,
      {
        entityType: 'certificate',
        entityId: number,
        op: 'create',
        payload: {
          number,
          artisanId,
          nia: c.nia,
          issuedOn: c.issuedOn,
          keyId: c.keyId,
          publicKey: publicKeyOf(db, c.keyId) ?? '',
          cancelledAt: null,
          cancelReason: null,
        },
        baseRevision: null,
      },
      at,
    )
  }
  appendAudit(
    db,
    actor,
    {
      action: 'document.issue',
      entityType: 'document',
      entityId: row.id,
      before: null,
      after: { number, type, artisanId },
    },
    at,
  )
  return { ...row, cancelledAt: null }
}

/** Issues a receipt, a certificate or a file summary for an artisan; the PDF comes back. */
export async function issueDocument(
  db: Db,
  actor: Actor,
  artisanId: string,
  type: DocumentType,
): Promise<Printed> {
  const row = db.transaction(() => recordIssue(db, actor, artisanId, type))()
  return render(db, row)
}

export async function reprintDocument(db: Db, actor: Actor, id: string): Promise<Printed> {
  const at = nowIso()
  const row = db.transaction(() => {
    const original = readRow(db, id)
    if (original.cancelledAt) throw appError('conflict', 'errors.document_cancelled')
    const copy =
      (db
        .prepare('SELECT max(copy) FROM document WHERE number = ?')
        .pluck()
        .get(original.number) as number) + 1
    const r = { ...original, id: uuidv7(), copy }
    insert(db, actor, r, at)
    appendAudit(
      db,
      actor,
      {
        action: 'document.reprint',
        entityType: 'document',
        entityId: r.id,
        before: null,
        after: { number: r.number, copy },
      },
      at,
    )
    return r
  })()
  return render(db, row)
}

export function cancelDocument(db: Db, actor: Actor, id: string, reason: string): { ok: true } {
  const at = nowIso()
  db.transaction(() => {
    const row = readRow(db, id)
    if (row.cancelledAt) return
    sql(
      db,
      `UPDATE document SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE number = ?`,
    ).run(at, actor.id, reason, row.number)
    if (row.type === 'certificate') {
      const notice = JSON.parse(row.contentJson) as CertificateContent
      enqueue(
        db,
        {
          entityType: 'certificate',
          entityId: row.number,
          op: 'update',
          payload: {
            number: row.number,
            artisanId: row.artisanId,
            nia: notice.nia,
            issuedOn: notice.issuedOn,
            keyId: notice.keyId,
            publicKey: publicKeyOf(db, notice.keyId) ?? '',
            cancelledAt: at,
            cancelReason: reason,
          },
          baseRevision: null,
        },
        at,
      )
    }
    appendAudit(
      db,
      actor,
      {
        action: 'document.cancel',
        entityType: 'document',
        entityId: row.id,
        before: null,
        after: { number: row.number, reason },
      },
      at,
    )
  })()
  return { ok: true }
}

export function listDocuments(db: Db, artisanId: string): DocumentSummary[] {
  return sql(
    db,
    `SELECT id, number, copy, type, issued_at AS issuedAt, issued_by_name AS issuedByName,
         cancelled_at AS cancelledAt, cancel_reason AS cancelReason
       FROM document WHERE artisan_id = ? ORDER BY issued_at DESC, copy DESC`,
  ).all(artisanId) as DocumentSummary[]
}
