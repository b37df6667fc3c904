import { useEffect, useRef } from 'react'

/**
 * Follows a background job (import, export, batch printing) by polling its status while it
 * runs: each status is handed to `onStatus`, the last one also to `onEnd`. Errors go to
 * `onError`. Polling stops when the job ends or the job id changes.
 */
export function useJobStatus<S extends { state: string }>(
  jobId: string | null,
  poll: (jobId: string) => Promise<S>,
  handlers: {
    onStatus: (s: NoInfer<S>) => void
    onEnd: (s: NoInfer<S>, jobId: string) => void
    onError: (e: unknown) => void
  },
): void {
  const latest = useRef({ poll, ...handlers })
  latest.current = { poll, ...handlers }
  useEffect(() => {
    if (!jobId) return
    const timer = window.setInterval(() => {
      latest.current.poll(jobId).then((s) => {
        latest.current.onStatus(s)
        if (s.state === 'running') return
        window.clearInterval(timer)
        latest.current.onEnd(s, jobId)
      }, latest.current.onError)
    }, 300)
    return () => window.clearInterval(timer)
  }, [jobId])
}
