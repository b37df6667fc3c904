import type { TFunction } from 'i18next'
import { isolate } from '@shared/text/bidi'

/**
 * The title a preview shows: what the document is, for whom — "Attestation d'inscription —
 * Fatima Ouali" — never its file name. Screens that know the person or the session say
 * so (`namedTitle`); otherwise the kind of document is read from the file name the desk
 * gave it (`titleFromFileName`), which stays the name of the saved PDF.
 */
const NUMBERED = { A: 'certificate', R: 'receipt', F: 'summary' } as const

/** "<document> — <name>", the name isolated so that it keeps its own direction. */
export function namedTitle(t: TFunction, document: string, name: string): string {
  return t('printing.title.named', { document, name: isolate(name) })
}

/** A receipt, certificate or summary issued to an artisan, a duplicata saying so. */
export function issuedTitle(t: TFunction, fileName: string, name: string): string {
  return namedTitle(t, titleFromFileName(t, fileName), name)
}

export function titleFromFileName(t: TFunction, fileName: string): string {
  const issued = /^([ARF])-[\w-]*?(?:-duplicata-(\d+))?\.pdf$/.exec(fileName)
  if (issued) {
    const kind = t(`documents.${NUMBERED[issued[1] as keyof typeof NUMBERED]}`)
    return issued[2] ? t('printing.title.copy', { title: kind, copy: issued[2] }) : kind
  }
  if (fileName.startsWith('sijill-attestations-')) return t('printing.title.batch')
  if (fileName.startsWith('sijill-recovery-code-')) return t('recovery.sheet.title')
  if (fileName.startsWith('sijill-09-08-')) return t('printing.title.dataExport')
  if (fileName.startsWith('sijill-report-')) return t('printing.title.report')
  if (fileName.startsWith('attendance-sheet-')) return t('printing.title.attendanceSheet')
  if (fileName.startsWith('session-report-')) return t('printing.title.sessionReport')
  if (fileName.startsWith('handout-')) return t('printing.title.handout')
  return t('printing.title.document')
}
