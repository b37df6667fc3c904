import { z } from 'zod'
import { ROLES, type Role } from './roles'

/**
 * One API method: its zod input and output, the roles allowed to call it, whether it
 * needs a configured desk, and whether it writes (and so leaves an audit row).
 * `roles: 'anyone'` is reserved for what the app needs before a desk exists.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  roles: readonly Role[] | 'anyone'
  /** Refused with `setup_required` until first-run setup is done. */
  needsSetup: boolean
  /** Writes data: an audit row is expected. */
  writes: boolean
  /**
   * Top-level fields carrying a file's content (CSV text, base64 bytes), which the service
   * checks row by row: the router's refusal of control characters (docs/validation.md)
   * passes over them.
   */
  contentFields?: readonly string[]
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec

export const EMPTY = z.object({}).strict()
export const EVERY_ROLE = ROLES
