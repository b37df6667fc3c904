import type {
  EnrolRequest,
  EnrolResponse,
  PullResponse,
  PushOperation,
  PushResponse,
  ReferenceResponse,
  ServerInfo,
  Tokens,
} from '@shared/registry/contract'

/**
 * How the desk talks to the national registry (docs/sync.md): through this interface
 * only, so that the real ministry endpoint, the reference server of the tests, or any
 * other can be plugged in by configuration. `http-client.ts` implements it over HTTPS.
 */
export interface RegistryClient {
  info(): Promise<ServerInfo>
  enrol(request: EnrolRequest): Promise<EnrolResponse>
  refresh(refreshToken: string): Promise<Tokens>
  push(accessToken: string, operations: PushOperation[]): Promise<PushResponse>
  pull(accessToken: string, cursor: string, limit: number): Promise<PullResponse>
  reference(accessToken: string, since: number): Promise<ReferenceResponse>
}

/**
 * What went wrong talking to the registry, sorted by what the desk should do about it:
 * `network` and `retryable` (5xx, 429, a garbled answer) — wait and try again, honouring
 * `retryAfterMs`; `auth` — refresh the token, or enrol again; `too_old` — update the app;
 * `refused` — the registry said no to the request itself (it will say no again).
 */
export type RegistryErrorKind = 'network' | 'retryable' | 'auth' | 'too_old' | 'refused'

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    readonly code: string,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; minClientVersion?: string } = {},
  ) {
    super(message)
    this.name = 'RegistryError'
  }
}
