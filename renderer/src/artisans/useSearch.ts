import { useEffect, useState } from 'react'
import type { SearchResult } from '@shared/artisans/records'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'

/** Results while typing: a short pause, and only the answer to the latest query is kept. */
export function useSearch(query: string, delayMs = 120) {
  const [result, setResult] = useState<SearchResult | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  useEffect(() => {
    let live = true
    const timer = window.setTimeout(() => {
      api.call('artisans.search', { query }).then(
        (r) => {
          if (!live) return
          setResult(r)
          setError(null)
        },
        (e: unknown) => live && setError(errorDataOf(e)),
      )
    }, delayMs)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [query, delayMs])
  return { result: result && query.trim() ? result : null, error }
}
