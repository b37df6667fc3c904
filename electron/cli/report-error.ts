import { AppError } from '@shared/errors'
import { translateError } from '../services/startup-error'
import { EXIT, type CliIO } from './command'

/** Prints an error value as translated sentences, one per field, and returns exit code 1. */
export function reportError(io: CliIO, error: unknown): number {
  if (!(error instanceof AppError)) throw error
  const { key, params, fields } = error.data
  io.err(translateError(io.lang, key, params))
  for (const field of fields ?? []) {
    io.err(`  ${field.path}: ${translateError(io.lang, field.key, field.params)}`)
  }
  return EXIT.failed
}
