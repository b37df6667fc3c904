import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { getHandoutText, resetHandoutText, setHandoutText } from '../sessions/handout-texts'
import { printAttendanceSheet, printHandout, printSessionReport } from '../sessions/materials'

/** Printed materials of sessions (issue 6): handout texts and PDFs, attendance sheet, report. */
export function sessionMaterialHandlers(
  db: Db,
  log: Logger,
): Pick<
  Handlers,
  | 'handouts.text'
  | 'handouts.setText'
  | 'handouts.resetText'
  | 'handouts.print'
  | 'sessions.attendanceSheet'
  | 'sessions.report'
> {
  return {
    'handouts.text': (input) => getHandoutText(db, input),
    'handouts.setText': (input, ctx) => setHandoutText(db, ctx.actor, input),
    'handouts.resetText': (input, ctx) => resetHandoutText(db, ctx.actor, input),
    'handouts.print': (input) => printHandout(db, log, input),
    'sessions.attendanceSheet': (input) => printAttendanceSheet(db, log, input),
    'sessions.report': (input) => printSessionReport(db, log, input),
  }
}
