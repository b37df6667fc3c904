import { Alert, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalView } from '@shared/approvals/approval'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'

/**
 * On an artisan's file: "waiting for a supervisor's approval", or "returned by X: comment"
 * with what to do; nothing when the file waits for nobody. Pass the file's `version` to
 * follow a save (a correction sends a returned file back to the supervisor).
 */
export function ApprovalBanner({ artisanId, version }: { artisanId: string; version?: number }) {
  const { t } = useTranslation()
  const [approval, setApproval] = useState<ApprovalView | null>(null)
  useEffect(() => {
    api.call('approvals.forArtisan', { artisanId }).then(setApproval, () => setApproval(null))
  }, [artisanId, version])
  if (!approval) return null
  if (approval.status === 'returned')
    return (
      <Alert
        color="orange"
        title={t('approvals.bannerReturnedTitle')}
        data-testid="approval-banner"
      >
        <Text size="sm">
          {t('approvals.returnedBy', {
            name: isolate(approval.decidedBy?.name ?? ''),
            comment: isolate(approval.comment ?? ''),
          })}
        </Text>
        <Text size="sm">{t('approvals.bannerReturnedHint')}</Text>
      </Alert>
    )
  return (
    <Alert color="yellow" title={t('approvals.bannerPendingTitle')} data-testid="approval-banner">
      <Text size="sm">{t(`approvals.bannerPending.${approval.kind}`)}</Text>
    </Alert>
  )
}
