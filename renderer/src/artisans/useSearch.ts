import { useEffect, useState } from 'react'
import type { SearchResult } from '@shared/artisans/records'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'

/**
 * Results while typing: a short pause, and only the answer to the latest query is kept.
 * `answered` is the query the result answers — a key typed before the answer arrived
 * (a card reader types the CIN and Enter at once) waits for the answer to that query.
 */
export function useSearch(query: string, delayMs = 120) {
  const [answer, setAnswer] = useState<{ query: string; result: SearchResult } | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  useEffect(() => {
    let live = true
    const timer = window.setTimeout(() => {
      api.call('artisans.search', { query }).then(
        (result) => {
          if (!live) return
          setAnswer({ query, result })
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
  const result = answer && query.trim() ? answer.result : null
  return { result, answered: result && answer ? answer.query : null, error }
}
