import { contextBridge, ipcRenderer } from 'electron'

/**
 * The only thing the sandboxed renderer gets from Electron: one `call` that carries a
 * method name and its input to the main process router. Same contract as the HTTP host.
 */
const CHANNEL = 'sijill:api'

contextBridge.exposeInMainWorld('sijill', {
  kind: 'ipc',
  call: (method: string, input: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'))
    return ipcRenderer.invoke(CHANNEL, method, input)
  },
})
