import { todayIso } from '@shared/artisans/birth-date'
import { reportFileName, type ReportRequest } from '@shared/reports/report'
import type { Db } from '../database/open'
import { chamberOf } from '../documents/issue'
import type { Logger } from '../log'
import { reportData } from './report-data'
import { renderReportPdf } from './report-pdf'
import { renderReportXlsx } from './report-xlsx'

/**
 * `reports.document` (issue 8): the report to the ministry for a month or a quarter, as a
 * PDF or a workbook, returned as a file to save (nothing is recorded: it holds counts
 * only, and can be made again at any time). `today` is the desk's clock: the funnel's
 * date, the generated date and the end of a period still running.
 */
export interface ReportFile {
  fileName: string
  base64: string
}

export async function reportDocument(
  db: Db,
  request: ReportRequest,
  options: { today?: string; log?: Logger } = {},
): Promise<ReportFile> {
  const data = reportData(db, request, options.today ?? todayIso())
  const fileName = reportFileName(request)
  if (request.format === 'xlsx')
    return { fileName, base64: Buffer.from(renderReportXlsx(data)).toString('base64') }
  const { pdf, warnings } = await renderReportPdf(data, chamberOf(db))
  for (const w of warnings) options.log?.info(`ministry report: ${w}`)
  return { fileName, base64: pdf.toString('base64') }
}
