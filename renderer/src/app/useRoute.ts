import { useCallback, useEffect, useState } from 'react'
import { entryState, HOME_HASH, onEntryChange, patchEntry } from './desk-history'
import { hrefOf, parseRoute, SECTIONS, type Route, type Section } from './sections'

/**
 * The current route lives in the address hash, so a reload stays on the same screen.
 * Alt+digit moves between sections from anywhere, keyboard only. `#/` is the person's
 * home, replaced in place by their home section. Each history entry has its own `key`:
 * a page is drawn afresh for every entry, so nothing of one screen (a notice, a half-typed
 * box) follows into another.
 */
export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '')
}

export type KeyedRoute = Route & { key: string }

function isHome(hash: string): boolean {
  return hash === '' || hash === '#' || hash === HOME_HASH
}

function current(home: Section): KeyedRoute {
  if (isHome(window.location.hash)) patchEntry({}, hrefOf.section(home))
  return { ...parseRoute(window.location.hash), key: entryState().n ?? '' }
}

export function useRoute(home: Section): [KeyedRoute, (s: Section) => void] {
  const [route, setRoute] = useState<KeyedRoute>(() => current(home))

  useEffect(() => onEntryChange(() => setRoute(current(home))), [home])

  const go = useCallback((next: Section) => navigate(hrefOf.section(next)), [])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.code.replace(/^(Digit|Numpad)/, '')) - 1
      const target = SECTIONS[index]
      if (target) {
        event.preventDefault()
        go(target)
        document.getElementById('main')?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])

  return [route, go]
}
