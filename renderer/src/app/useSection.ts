import { useCallback, useEffect, useState } from 'react'
import { SECTIONS, sectionFromHash, type Section } from './sections'

/**
 * The current section lives in the address hash (`#/settings`), so a reload stays on the
 * same screen. Alt+digit moves between sections from anywhere, keyboard only.
 */
export function useSection(): [Section, (s: Section) => void] {
  const [section, setSection] = useState<Section>(() => sectionFromHash(window.location.hash))

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = useCallback((next: Section) => {
    window.location.hash = `/${next}`
  }, [])

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

  return [section, go]
}
