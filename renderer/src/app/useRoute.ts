import { useCallback, useEffect, useState } from 'react'
import { hrefOf, parseRoute, SECTIONS, type Route, type Section } from './sections'

/**
 * The current route lives in the address hash, so a reload stays on the same screen.
 * Alt+digit moves between sections from anywhere, keyboard only.
 */
export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '')
}

export function useRoute(): [Route, (s: Section) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash))

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

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
