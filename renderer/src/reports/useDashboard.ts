import { useEffect, useState } from 'react'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Dashboard, DashboardFilter } from '@shared/reports/dashboard'
import { api } from '../api/transport'

/**
 * The dashboard's figures for a filter. The figures on screen stay while the next ones
 * come (marked as loading, never blanked), and an answer to an older filter is dropped, so
 * quick filter changes neither flicker nor show figures of a filter no longer chosen.
 */
export function useDashboard(filter: DashboardFilter): {
  /** The figures on screen, and the filter they were counted for (drill-downs use it). */
  shown: { data: Dashboard; filter: DashboardFilter } | null
  loading: boolean
  error: AppErrorData | null
} {
  const [shown, setShown] = useState<{ data: Dashboard; filter: DashboardFilter } | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<AppErrorData | null>(null)
  const key = JSON.stringify(filter)

  useEffect(() => {
    let current = true
    setLoading(true)
    // A short pause lets a run of filter changes ask once.
    const timer = setTimeout(() => {
      const asked = JSON.parse(key) as DashboardFilter
      api
        .call('reports.dashboard', { filter: asked })
        .then((data) => {
          if (!current) return
          setShown({ data, filter: asked })
          setError(null)
        })
        .catch((e: unknown) => {
          if (current) setError(errorDataOf(e))
        })
        .finally(() => {
          if (current) setLoading(false)
        })
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key])

  return { shown, loading, error }
}
