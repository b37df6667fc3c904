import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '@shared/api/contract'
import type { SijillApp } from '../services/app'

export const API_CHANNEL = 'sijill:api'

/**
 * IPC transport: one channel, and every call's sender checked — it must be the top frame
 * of our own window showing our own page (VS Code's validatedIpcMain habit).
 */
export function registerIpc(app: SijillApp, isTrustedUrl: (url: string) => boolean): () => void {
  const handler = async (
    event: IpcMainInvokeEvent,
    method: unknown,
    input: unknown,
    session: unknown,
  ): Promise<ApiResult<unknown>> => {
    const frame = event.senderFrame
    const trusted = frame !== null && frame.parent === null && isTrustedUrl(frame.url)
    if (!trusted) return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } }
    if (typeof method !== 'string') {
      return {
        ok: false,
        error: {
          code: 'unknown_method',
          key: 'errors.unknown_method',
          params: { method: String(method) },
        },
      }
    }
    const token = typeof session === 'string' && session ? session : undefined
    return app.router.call(app.contextFor(token, 'ipc'), method, input)
  }
  ipcMain.handle(API_CHANNEL, handler)
  return () => ipcMain.removeHandler(API_CHANNEL)
}
