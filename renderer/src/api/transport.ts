import type { ApiResult, ApiTransport } from '@shared/api/contract'
import { createApiClient } from '@shared/api/client'
import { isAppErrorData } from '@shared/errors'
import type { PrintOutcome, PrintRequest, Printer } from '@shared/settings/printing'

/**
 * Picks the transport the page runs under: the preload bridge in Electron, the loopback
 * HTTP API in the browser host. The rest of the renderer never knows which.
 */
declare global {
  interface Window {
    sijill?: {
      kind: 'ipc'
      call(method: string, input: unknown): Promise<ApiResult<unknown>>
      print?(request: PrintRequest): Promise<PrintOutcome>
      printers?(): Promise<Printer[]>
    }
  }
}

const TOKEN_KEY = 'sijill.hostToken'

/** Takes the host's launch token from the address bar once, keeps it for reloads, hides it. */
function hostToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; error?: unknown }
  return v.ok === true || (v.ok === false && isAppErrorData(v.error))
}

const networkError: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', key: 'errors.network' },
}

function httpTransport(): ApiTransport {
  const token = hostToken()
  return {
    kind: 'http',
    async call(method, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        })
        const body: unknown = await response.json()
        return isApiResult(body) ? body : networkError
      } catch {
        return networkError
      }
    },
  }
}

function ipcTransport(bridge: NonNullable<Window['sijill']>): ApiTransport {
  return { kind: 'ipc', call: (method, input) => bridge.call(method, input) }
}

export const api = createApiClient(window.sijill ? ipcTransport(window.sijill) : httpTransport())
