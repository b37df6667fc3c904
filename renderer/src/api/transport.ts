import type { ApiResult, ApiTransport } from '@shared/api/contract'
import { createApiClient } from '@shared/api/client'
import { isAppErrorData } from '@shared/errors'
import type { PrintOutcome, PrintRequest, Printer } from '@shared/settings/printing'
import { hostLink } from './host-link'

/**
 * Picks the transport the page runs under: the preload bridge in Electron, the loopback
 * HTTP API in the browser host. The rest of the renderer never knows which.
 */
declare global {
  interface Window {
    sijill?: {
      kind: 'ipc'
      call(method: string, input: unknown, session?: string): Promise<ApiResult<unknown>>
      print?(request: PrintRequest): Promise<PrintOutcome>
      printers?(): Promise<Printer[]>
    }
  }
}

const TOKEN_KEY = 'sijill.hostToken'
const SESSION_KEY = 'sijill.session'

/**
 * The login session's token: kept for reloads of this tab (sessionStorage, gone with the
 * window), sent with every call. A refusal that says the session is gone or locked is
 * announced to the app (`sijill:auth`), which shows the login or the lock screen.
 */
export const session = {
  get: (): string => window.sessionStorage.getItem(SESSION_KEY) ?? '',
  set(token: string | null): void {
    if (token) window.sessionStorage.setItem(SESSION_KEY, token)
    else window.sessionStorage.removeItem(SESSION_KEY)
  },
}
const AUTH_KEYS = new Set(['errors.login_required', 'errors.session_locked'])
function announce(result: ApiResult<unknown>): ApiResult<unknown> {
  if (!result.ok && AUTH_KEYS.has(result.error.key))
    window.dispatchEvent(new CustomEvent('sijill:auth', { detail: result.error.key }))
  return result
}

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
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'X-Sijill-Session': session.get(),
          },
          body: JSON.stringify(input ?? {}),
        })
        const body: unknown = await response.json()
        if (!isApiResult(body)) return networkError
        // The host's own refusal of the launch token (not a login's): only the newly
        // printed address can work.
        const tokenRefused =
          response.status === 401 && !body.ok && body.error.key === 'errors.unauthorized'
        hostLink.set(tokenRefused ? 'token' : 'ok')
        return announce(body)
      } catch {
        hostLink.set('unreachable')
        return networkError
      }
    },
  }
}

function ipcTransport(bridge: NonNullable<Window['sijill']>): ApiTransport {
  return {
    kind: 'ipc',
    call: async (method, input) => announce(await bridge.call(method, input, session.get())),
  }
}

export const api = createApiClient(window.sijill ? ipcTransport(window.sijill) : httpTransport())
