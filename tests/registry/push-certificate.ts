import type { CertificateNotice } from '../../shared/registry/records'
import type { PushOperation, PushResult } from '../../shared/registry/contract'
import { readArtisan } from './artisans'
import type { Device, RegistryContext } from './context'
import { appendFeed } from './database'

/**
 * Certificate notices: a desk tells the registry it issued (`create`) or cancelled
 * (`update`) a certificate, so that anyone can check a certificate with the registry and
 * the other desks of the chamber see it in their feed. A certificate is issued to an
 * artisan of the desk's chamber under the NIA the registry knows.
 */
type CertificateOperation = Extract<PushOperation, { entityType: 'certificate' }>

interface CertificateRow {
  chamber_code: string
  artisan_id: string
}

const rejected = (opId: string, code: string, message: string): PushResult => ({
  opId,
  status: 'rejected',
  reason: { code, message },
})

function refusal(
  ctx: RegistryContext,
  device: Device,
  op: CertificateOperation,
  existing: CertificateRow | undefined,
): PushResult | null {
  const notice = op.payload
  if (op.op === 'update') {
    if (!existing || existing.chamber_code !== device.chamberCode)
      return rejected(op.opId, 'not_found', "Ce certificat n'est pas connu du registre.")
    if (existing.artisan_id !== notice.artisanId)
      return rejected(op.opId, 'invalid_notice', 'Ce certificat a été délivré à un autre artisan.')
    return null
  }
  if (existing) return rejected(op.opId, 'already_exists', 'Un certificat porte déjà ce numéro.')
  const artisan = readArtisan(ctx.db, notice.artisanId)
  if (!artisan || artisan.deleted || artisan.chamberCode !== device.chamberCode)
    return rejected(op.opId, 'not_found', "L'artisan de ce certificat n'est pas connu du registre.")
  if (artisan.state.nia !== notice.nia)
    return rejected(
      op.opId,
      'nia_mismatch',
      "Le NIA du certificat n'est pas celui que le registre a attribué à l'artisan.",
    )
  return null
}

export function applyCertificateOperation(
  ctx: RegistryContext,
  device: Device,
  op: CertificateOperation,
): PushResult {
  const notice: CertificateNotice = op.payload
  const existing = ctx.db
    .prepare('SELECT chamber_code, artisan_id FROM certificates WHERE number = ?')
    .get(notice.number) as CertificateRow | undefined
  const refused = refusal(ctx, device, op, existing)
  if (refused) return refused
  const revision = appendFeed(ctx.db, 'certificate', notice.number, device.chamberCode, device.id)
  ctx.db
    .prepare(
      `INSERT INTO certificates (number, artisan_id, chamber_code, notice, revision, origin)
       VALUES (@number, @artisan, @chamber, @notice, @revision, @origin)
       ON CONFLICT (number) DO UPDATE SET notice = @notice, revision = @revision, origin = @origin`,
    )
    .run({
      number: notice.number,
      artisan: notice.artisanId,
      chamber: device.chamberCode,
      notice: JSON.stringify(notice),
      revision,
      origin: device.id,
    })
  return { opId: op.opId, status: 'applied', revision, record: null }
}
