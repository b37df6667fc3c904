import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import type { Role } from '../roles'
import {
  HandoutKeySchema,
  HandoutPrintSchema,
  HandoutTextInputSchema,
  HandoutTextSchema,
  SHEET_LANGUAGES,
} from '../../sessions/handout'

/**
 * Printed materials of sessions: handouts (text editable per chamber and language), the
 * attendance sheet and the session report. Anyone at the desk may print a handout; the
 * chamber's text is the organisers' to change.
 */
const ORGANISERS: readonly Role[] = ['session_organiser', 'supervisor', 'administrator']
const sessionId = z.string().min(1).max(64)
const file = z.object({ fileName: z.string(), base64: z.string() })

export const sessionMaterialMethods = {
  'handouts.text': method({
    input: HandoutKeySchema,
    output: HandoutTextSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'handouts.setText': method({
    input: HandoutTextInputSchema,
    output: HandoutTextSchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'handouts.resetText': method({
    input: HandoutKeySchema,
    output: HandoutTextSchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'handouts.print': method({
    input: HandoutPrintSchema,
    output: file,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.attendanceSheet': method({
    input: z.object({
      sessionId,
      lang: z.enum(SHEET_LANGUAGES).default('ar'),
      blankRows: z.number().int().min(0).max(200).default(15),
    }),
    output: file,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.report': method({
    input: z.object({ sessionId, lang: z.enum(SHEET_LANGUAGES).default('ar') }),
    output: file,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
}
