import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { PrintRequestSchema, type PrintOutcome, type Printer } from '@shared/settings/printing'

/**
 * Printing from the desktop app: the renderer lays the pages out in its print area, then
 * asks the main process to print its own window — with the system dialog, or silently to
 * the printer named in the desk's settings. The printers list feeds that setting. Same
 * sender check as the API channel; a malformed request is refused, never printed.
 */
export const PRINT_CHANNEL = 'sijill:print'
export const PRINTERS_CHANNEL = 'sijill:printers'

export function registerPrinting(isTrustedUrl: (url: string) => boolean): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url)
  }
  ipcMain.handle(PRINTERS_CHANNEL, async (event): Promise<Printer[]> => {
    if (!trusted(event)) return []
    const printers = await event.sender.getPrintersAsync()
    return printers.map((p) => ({
      name: p.name,
      displayName: p.displayName || p.name,
      isDefault: Boolean((p.options as Record<string, string> | undefined)?.['is-default']),
    }))
  })
  ipcMain.handle(PRINT_CHANNEL, (event, raw: unknown): Promise<PrintOutcome> => {
    if (!trusted(event)) return Promise.resolve({ ok: false, reason: 'forbidden' })
    const request = PrintRequestSchema.safeParse(raw)
    if (!request.success) return Promise.resolve({ ok: false, reason: 'invalid request' })
    const { silent, deviceName } = request.data
    return new Promise((resolve) => {
      event.sender.print(
        {
          silent,
          ...(deviceName ? { deviceName } : {}),
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: 'A4',
        },
        (success, failureReason) =>
          resolve(
            success
              ? { ok: true }
              : {
                  ok: false,
                  reason: failureReason === 'Print job canceled' ? 'cancelled' : failureReason,
                },
          ),
      )
    })
  })
  return () => {
    ipcMain.removeHandler(PRINT_CHANNEL)
    ipcMain.removeHandler(PRINTERS_CHANNEL)
  }
}
