import { contextBridge, ipcRenderer } from 'electron'

/**
 * What the sandboxed renderer gets from Electron: one `call` that carries a method name,
 * its input and the login session's token to the main process router (same contract as the HTTP host), and the
 * printing of its own window (electron/main/printing.ts).
 */
const CHANNEL = 'sijill:api'
const PRINT_CHANNEL = 'sijill:print'
const PRINTERS_CHANNEL = 'sijill:printers'

contextBridge.exposeInMainWorld('sijill', {
  kind: 'ipc',
  call: (method: string, input: unknown, session?: string): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'))
    return ipcRenderer.invoke(CHANNEL, method, input, typeof session === 'string' ? session : '')
  },
  /** Prints this window (its print area): with the dialog, or silently to a printer. */
  print: (request: unknown): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNEL, request),
  printers: (): Promise<unknown> => ipcRenderer.invoke(PRINTERS_CHANNEL),
})
