import type { Verification } from '@shared/api/methods/documents'
import type { Db } from '../database/open'
import { verifyText } from './signing'

/**
 * What a scanned certificate code says, offline: the signature checked against the keys
 * this desk knows (its own, added by hand, or synced with other desks' certificates), then
 * the certificate looked up here and in the registry's notices (a cancelled one says so).
 * A valid code from another desk is still valid: the signature is the proof.
 */
export function verifyCertificate(db: Db, text: string): Verification {
  const verdict = verifyText(db, text)
  if (verdict.status === 'invalid') return { status: 'invalid', reason: verdict.reason }
  const p = verdict.payload
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  const details = {
    number: str(p.n),
    nia: str(p.nia),
    name: str(p.nm),
    nameAr: str(p.ar),
    activity: str(p.a),
    issuedOn: str(p.d),
    keyId: str(p.k),
  }
  // Cancelled here, or at another desk (the registry's notice, synced).
  const cancelled = db
    .prepare(
      `SELECT cancel_reason FROM document WHERE number = ? AND cancelled_at IS NOT NULL
       UNION ALL
       SELECT json_extract(notice_json, '$.cancelReason') FROM certificate_notice
       WHERE number = ? AND json_extract(notice_json, '$.cancelledAt') IS NOT NULL
       LIMIT 1`,
    )
    .pluck()
    .get(details.number, details.number) as string | undefined
  return cancelled !== undefined
    ? { status: 'cancelled', ...details, cancelReason: cancelled }
    : { status: 'valid', ...details }
}
