import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditFilter, AuditRow } from '@shared/api/methods/audit'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'

const PAGE = 50

/**
 * The audit rows for a filter, newest first, a page at a time ("load more"). A new filter
 * starts again from the newest row; an answer to an older filter is dropped.
 */
export function useAuditPages(filter: AuditFilter) {
  const [rows, setRows] = useState<AuditRow[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const generation = useRef(0)

  const load = useCallback(
    (before: number | null) => {
      const mine = ++generation.current
      setLoading(true)
      setError(null)
      api
        .call('audit.list', { filter, limit: PAGE, ...(before ? { before } : {}) })
        .then(
          (page) => {
            if (mine !== generation.current) return
            setRows((old) => (before ? [...old, ...page.items] : page.items))
            setNext(page.next)
          },
          (e: unknown) => mine === generation.current && setError(errorDataOf(e)),
        )
        .finally(() => mine === generation.current && setLoading(false))
    },
    [filter],
  )

  useEffect(() => load(null), [load])

  return {
    rows,
    loading,
    error,
    more: next !== null,
    loadMore: () => next !== null && load(next),
    reload: () => load(null),
  }
}
