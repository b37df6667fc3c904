import { Badge, Tooltip } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { adviceKey, reasonKey } from './registry-codes'

type RecordState = Awaited<ReturnType<typeof api.call<'sync.recordState'>>>

/**
 * A file's own sync state on its page: not sent yet, waiting, synced, refused by the
 * registry (with its reason on hover and under the badge for screen readers), in conflict.
 * `version` changes whenever the file does, so the badge follows the edits.
 */
export function SyncBadge({ artisanId, version }: { artisanId: string; version: number }) {
  const { t } = useTranslation()
  const [state, setState] = useState<RecordState | null>(null)
  useEffect(() => {
    api.call('sync.recordState', { artisanId }).then(setState, () => setState(null))
  }, [artisanId, version])
  if (!state) return null
  const color = {
    local: 'gray',
    pending: 'yellow',
    synced: 'teal',
    rejected: 'red',
    conflict: 'orange',
  }[state.state]
  const reason = state.reason
    ? `${t(reasonKey(state.reason.code))} ${t(adviceKey(state.reason.code))}`
    : null
  const badge = (
    <Badge
      variant="dot"
      color={color}
      data-testid="sync-badge"
      aria-description={reason ?? undefined}
    >
      {t(`sync.record.${state.state}`)}
    </Badge>
  )
  return reason ? <Tooltip label={reason}>{badge}</Tooltip> : badge
}
