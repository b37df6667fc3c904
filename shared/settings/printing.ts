import { z } from 'zod'

/**
 * How this desk prints: through the print dialog (the default), or silently to a chosen
 * printer — for a counter that prints receipts all day on one printer. Silent printing
 * exists only in the desktop app; the browser host always shows the browser's dialog.
 */
export const PrintPreferenceSchema = z.object({
  silent: z.boolean(),
  printer: z.string().trim().min(1).max(200).nullable(),
})
export type PrintPreference = z.infer<typeof PrintPreferenceSchema>

export const DEFAULT_PRINT_PREFERENCE: PrintPreference = { silent: false, printer: null }

/** What the desktop app's print call takes and answers (preload ↔ main). */
export const PrintRequestSchema = z.object({
  silent: z.boolean(),
  deviceName: z.string().max(200).nullable(),
})
export type PrintRequest = z.infer<typeof PrintRequestSchema>
export interface PrintOutcome {
  ok: boolean
  /** 'cancelled' when the clerk closed the dialog; the system's words otherwise. */
  reason?: string
}
export interface Printer {
  name: string
  displayName: string
  isDefault: boolean
}
