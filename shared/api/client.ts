import { AppError } from '../errors'
import type { ApiTransport, MethodInput, MethodName, MethodOutput } from './contract'

/**
 * The typed face of the API over any transport: `call('settings.get', {})` returns the
 * method's output or throws an AppError carrying the router's error value.
 */
export interface ApiClient {
  readonly transport: ApiTransport['kind']
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, input) {
      const result = await transport.call(method, input)
      if (!result.ok) throw new AppError(result.error)
      return result.value as never
    },
  }
}
