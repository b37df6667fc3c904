import {
  contract,
  isMethodName,
  type ApiResult,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '@shared/api/contract'
import { AppError, appError, type AppErrorData } from '@shared/errors'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'
import type { Logger } from '../log'
import type { CallContext } from './call-context'
import { screenInput } from './plain-input'

/**
 * The one router every transport goes through: it resolves the method, checks that someone
 * is logged in (and not locked out by the idle lock) and has one of the method's roles,
 * checks the desk's setup state, validates the input, runs the handler,
 * validates the output, and turns every failure into an error value with an i18n key.
 */
export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>

export type Handlers = { [M in MethodName]: Handler<M> }

export interface RouterOptions {
  handlers: Handlers
  isSetupDone: () => boolean
  log: Logger
}

export interface Router {
  call(ctx: CallContext, method: string, input: unknown): Promise<ApiResult<unknown>>
}

/** What an account that must choose a new password may still do. */
const PASSWORD_CHANGE_ALLOWS: ReadonlySet<string> = new Set(['auth.changePassword'])

function failure(error: AppErrorData): ApiResult<never> {
  return { ok: false, error }
}

export function createRouter({ handlers, isSetupDone, log }: RouterOptions): Router {
  async function run(ctx: CallContext, name: MethodName, input: unknown): Promise<unknown> {
    const spec = contract[name]
    if (spec.roles !== 'anyone') {
      if (ctx.auth === 'none') throw appError('unauthorized', 'errors.login_required')
      if (ctx.auth === 'locked') throw appError('unauthorized', 'errors.session_locked')
      if (ctx.mustChangePassword && !PASSWORD_CHANGE_ALLOWS.has(name))
        throw appError('forbidden', 'errors.password_change_required')
      if (!spec.roles.some((r) => ctx.actor.roles.includes(r)))
        throw appError('forbidden', 'errors.forbidden', { method: name })
    }
    if (spec.needsSetup && !isSetupDone()) throw appError('setup_required', 'errors.setup_required')
    const screened = screenInput(input ?? {}, spec.contentFields)
    const parsed = spec.input.safeParse(screened)
    if (!parsed.success) {
      throw appError(
        'validation',
        'errors.validation',
        undefined,
        fieldErrorsFromZod(parsed.error, screened),
      )
    }
    const handler = handlers[name] as (i: unknown, c: CallContext) => unknown
    const output = await handler(parsed.data, ctx)
    const checked = spec.output.safeParse(output)
    if (!checked.success) {
      log.error(`router: ${name} returned output outside its contract`, checked.error.issues)
      throw appError('internal', 'errors.internal')
    }
    return checked.data
  }

  return {
    async call(ctx, method, input) {
      if (!isMethodName(method))
        return failure({ code: 'unknown_method', key: 'errors.unknown_method', params: { method } })
      try {
        return { ok: true, value: await run(ctx, method, input) }
      } catch (error) {
        if (error instanceof AppError) return failure(error.data)
        log.error(`router: ${method} failed`, error)
        return failure({ code: 'internal', key: 'errors.internal' })
      }
    },
  }
}
