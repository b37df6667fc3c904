import { AppError, appError } from '@shared/errors'
import type { Handlers } from '../api/router'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { createRecovery, keyId, recoverKey, recoveryStatus } from '../database/recovery'
import { parseRecoveryCode } from '../database/recovery-code'
import { chamberOf } from '../documents/issue'
import { renderRecoverySheet } from '../documents/recovery-sheet'
import { deskIdentity } from '../settings/desk-profile-service'

/**
 * The recovery code's API (shared/api/methods/recovery.ts). The desk's key is given by
 * the app that opened the database; a new code is audited (when, by whom, for which key
 * id) but the code itself never leaves the answer to the caller.
 */
const NOT_THIS_DESK = new Set(['errors.recovery_code_wrong', 'errors.recovery_key_mismatch'])

export function recoveryHandlers(
  db: Db,
  dataDir: string,
  key: Buffer,
): Pick<
  Handlers,
  'recovery.status' | 'recovery.regenerate' | 'recovery.verify' | 'recovery.printable'
> {
  /** The key the code gives back, refused unless it is this desk's key. */
  const checkedCode = (code: string): string => {
    if (!recoverKey(dataDir, code).equals(key))
      throw appError('validation', 'errors.recovery_key_mismatch')
    return parseRecoveryCode(code).formatted
  }
  return {
    'recovery.status': () => recoveryStatus(dataDir, key),
    'recovery.regenerate': (_input, ctx) => {
      const before = recoveryStatus(dataDir, key)
      const at = nowIso()
      // The file is written inside the transaction: if it cannot be, no audit row stays.
      return db.transaction(() => {
        appendAudit(
          db,
          ctx.actor,
          {
            action: 'recovery.regenerate',
            entityType: 'key_recovery',
            entityId: keyId(key),
            before: before.exists ? { createdAt: before.createdAt } : null,
            after: { createdAt: at },
          },
          at,
        )
        return createRecovery(dataDir, key)
      })()
    },
    'recovery.verify': (input) => {
      try {
        checkedCode(input.code)
        return { ok: true }
      } catch (error) {
        // A typo is an error that names the group; a well-formed code that is not this
        // desk's is a plain "no".
        if (error instanceof AppError && NOT_THIS_DESK.has(error.data.key)) return { ok: false }
        throw error
      }
    },
    'recovery.printable': async (input) => {
      const code = checkedCode(input.code)
      const status = recoveryStatus(dataDir, key)
      const createdAt = status.createdAt ?? nowIso()
      const { pdf } = await renderRecoverySheet(
        { code, deskName: deskIdentity(db).deskName ?? '', createdAt, keyId: keyId(key) },
        chamberOf(db),
      )
      return {
        fileName: `sijill-recovery-code-${createdAt.slice(0, 10)}.pdf`,
        base64: pdf.toString('base64'),
      }
    },
  }
}
