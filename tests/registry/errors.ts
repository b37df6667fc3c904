import { ErrorBodySchema, type ErrorBody } from '../../shared/registry/contract'

/**
 * A refusal the registry answers with: an HTTP status and the contract's error body.
 * Thrown anywhere in a handler; the server turns it into the response (never a stack).
 */
export type ErrorCode = ErrorBody['error']['code']

export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly minClientVersion?: string,
  ) {
    super(message)
  }
}

/** The error body, checked against the contract. */
export function errorBody(error: RegistryError): ErrorBody {
  return ErrorBodySchema.parse({
    error: {
      code: error.code,
      message: error.message,
      ...(error.minClientVersion ? { minClientVersion: error.minClientVersion } : {}),
    },
  })
}

export const invalid = (message: string) => new RegistryError(400, 'invalid_request', message)
export const unauthorized = (message: string) => new RegistryError(401, 'unauthorized', message)
export const notFound = (message: string) => new RegistryError(404, 'not_found', message)
