import { useCallback, useEffect, useState } from 'react'
import type { SyncStatusView } from '@shared/api/methods/sync'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'

/**
 * The desk's sync status, kept fresh: every second while a sync runs (its progress),
 * every ten seconds otherwise (a background sync may start and end meanwhile).
 */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatusView | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const refresh = useCallback(
    () =>
      api.call('sync.status', {}).then(
        (s) => {
          setStatus(s)
          setError(null)
        },
        (e: unknown) => setError(errorDataOf(e)),
      ),
    [],
  )
  const running = status?.running !== null && status !== null
  useEffect(() => {
    void refresh()
    const timer = window.setInterval(() => void refresh(), running ? 1000 : 10_000)
    return () => window.clearInterval(timer)
  }, [refresh, running])
  return { status, error, refresh }
}
