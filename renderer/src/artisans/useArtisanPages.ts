import { useCallback, useEffect, useRef, useState } from 'react'
import type { ListFilter } from '@shared/artisans/list'
import type { ArtisanSummary } from '@shared/artisans/records'
import { api } from '../api/transport'

/**
 * Pages of the filtered register, loaded as the list scrolls (keyset), plus the count.
 * A new filter starts over; answers to an older filter are dropped.
 */
export function useArtisanPages(filter: ListFilter, refresh = 0) {
  const [items, setItems] = useState<ArtisanSummary[]>([])
  const [next, setNext] = useState<number | null | undefined>(undefined)
  const [count, setCount] = useState<number | null>(null)
  const loading = useRef(false)
  const generation = useRef(0)
  const key = JSON.stringify([filter, refresh])

  useEffect(() => {
    const gen = ++generation.current
    setItems([])
    setNext(undefined)
    setCount(null)
    loading.current = true
    api.call('artisans.list', { filter, limit: 100 }).then((page) => {
      if (gen !== generation.current) return
      setItems(page.items)
      setNext(page.next)
      loading.current = false
    })
    api
      .call('artisans.count', { filter })
      .then((r) => gen === generation.current && setCount(r.count))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filter's content
  }, [key])

  const loadMore = useCallback(() => {
    if (loading.current || !next) return
    const gen = generation.current
    loading.current = true
    api.call('artisans.list', { filter, after: next, limit: 200 }).then((page) => {
      if (gen !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setNext(page.next)
      loading.current = false
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filter's content
  }, [key, next])

  return { items, count, hasMore: Boolean(next), loadMore }
}
