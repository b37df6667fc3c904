import { useEffect, useRef } from 'react'
import { api } from '../api/transport'

/**
 * The idle lock on the screen's side: keys, clicks and pointer moves tell the desk that
 * someone is there (at most every 30 s); past the idle time without any, the desk is
 * locked at once — the desk also locks by itself, so a screen left asleep cannot keep a
 * session open. Background refreshes never count as activity.
 */
const REPORT_EVERY_MS = 30_000
const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const

export function useIdleLock(idleMinutes: number, active: boolean, onLock: () => void): void {
  const last = useRef(Date.now())
  const reported = useRef(0)
  const lock = useRef(onLock)
  lock.current = onLock

  useEffect(() => {
    if (!active) return
    last.current = Date.now()
    const onActivity = () => {
      last.current = Date.now()
      if (last.current - reported.current > REPORT_EVERY_MS) {
        reported.current = last.current
        void api.call('auth.activity', {}).catch(() => undefined)
      }
    }
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true })
    const timer = window.setInterval(() => {
      if (Date.now() - last.current > idleMinutes * 60_000) {
        void api.call('auth.lock', {}).catch(() => undefined)
        lock.current()
      }
    }, 5_000)
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity)
      window.clearInterval(timer)
    }
  }, [idleMinutes, active])
}
