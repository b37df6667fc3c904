import { RegistryError } from './client'
import type { LastRun } from './state'

/**
 * A registry failure in the clerk's language: the i18n key of a sentence that says what
 * happened (each key has a sibling `<key>_advice` that says what to do — ErrorAlert and
 * the Sync page show both), and, for the "details" disclosure, the registry's own code and
 * sentence (`registryCode`, `registryMessage`: French in the reference registry, shown
 * apart and isolated, never inside the translated sentence). See docs/sync.md.
 */
export type Failure = NonNullable<LastRun['error']>

/** The registry's refusals of a request as a whole, by code: what the desk tells the clerk. */
const REFUSED: Record<string, string> = {
  enrolment_refused: 'errors.sync_enrolment_refused',
  forbidden: 'errors.sync_forbidden',
  invalid_request: 'errors.sync_invalid_request',
  not_found: 'errors.sync_wrong_address',
  http_404: 'errors.sync_wrong_address',
  http_405: 'errors.sync_wrong_address',
  batch_too_large: 'errors.sync_batch_too_large',
  op_id_reused: 'errors.sync_op_id_reused',
}

/** Retryable answers: the desk waits and tries again by itself. */
const RETRYABLE: Record<string, string> = {
  rate_limited: 'errors.sync_rate_limited',
  bad_response: 'errors.sync_bad_response',
  internal: 'errors.sync_registry_error',
}

function details(error: RegistryError): Record<string, string> {
  const status = error.details.status
  return {
    registryCode: status ? `${error.code} (HTTP ${status})` : error.code,
    registryMessage: error.message,
  }
}

export function describeFailure(error: unknown): Failure {
  if (!(error instanceof RegistryError)) {
    const message = String((error as Error)?.message ?? error)
    return { key: 'errors.sync_failed', params: { message, registryMessage: message } }
  }
  const more = details(error)
  switch (error.kind) {
    case 'network':
      return { key: 'errors.sync_offline', params: { detail: error.message, ...more } }
    case 'retryable':
      return {
        key:
          RETRYABLE[error.code] ??
          (error.code.startsWith('http_5') || (error.details.status ?? 0) >= 500
            ? 'errors.sync_unavailable'
            : 'errors.sync_bad_response'),
        params: { code: error.code, ...more },
      }
    case 'auth':
      return { key: 'errors.sync_enrol_again', params: more }
    case 'too_old':
      return {
        key: 'errors.sync_too_old',
        params: { version: error.details.minClientVersion ?? '', ...more },
      }
    default:
      return {
        key: REFUSED[error.code] ?? 'errors.sync_refused',
        params: { code: error.code, message: error.message, ...more },
      }
  }
}
