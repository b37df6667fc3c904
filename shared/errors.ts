/**
 * Errors are values: a machine code, an i18n key and the data to explain them.
 * They cross every transport (IPC, HTTP, direct) as plain JSON and are translated
 * where they are shown, never where they are raised.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'setup_required'
  | 'database'
  | 'internal'

export type ErrorParams = Record<string, string | number>

export interface FieldError {
  /** Dotted path of the offending field, e.g. `chamber.phone`. */
  path: string
  key: string
  params?: ErrorParams
}

export interface AppErrorData {
  code: ErrorCode
  key: string
  params?: ErrorParams
  fields?: FieldError[]
}

export class AppError extends Error {
  readonly data: AppErrorData

  constructor(data: AppErrorData) {
    super(data.key)
    this.name = 'AppError'
    this.data = data
  }
}

export function appError(
  code: ErrorCode,
  key: string,
  params?: ErrorParams,
  fields?: FieldError[],
): AppError {
  const data: AppErrorData = { code, key }
  if (params) data.params = params
  if (fields) data.fields = fields
  return new AppError(data)
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_method',
  'setup_required',
  'database',
  'internal',
])

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && CODES.has(v.code) && typeof v.key === 'string'
}

/** What a screen shows for anything thrown: the error's own data, else an internal error. */
export function errorDataOf(error: unknown): AppErrorData {
  return error instanceof AppError ? error.data : { code: 'internal', key: 'errors.internal' }
}

/** HTTP status used by the browser host for each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_method: 404,
  setup_required: 409,
  database: 500,
  internal: 500,
}
