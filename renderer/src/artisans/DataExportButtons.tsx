import { Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64, saveFile } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'

/**
 * An access request (law 09-08) from the artisan's file: everything the desk holds about
 * them as a PDF to hand over (opened in the print preview) or as a complete JSON copy
 * (saved). The desk refuses anyone but supervisors and administrators, and records each
 * export in the audit log.
 */
export function DataExportButtons({ artisanId }: { artisanId: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<'json' | 'pdf' | null>(null)
  const [preview, setPreview] = useState<PreviewDocument | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const run = (format: 'json' | 'pdf') => {
    setBusy(format)
    setError(null)
    api
      .call('artisans.dataExport', { artisanId, format })
      .then(
        (f) => {
          const bytes = fromBase64(f.base64)
          if (format === 'pdf') setPreview({ fileName: f.fileName, bytes, warnings: f.warnings })
          else saveFile(f.fileName, bytes, f.mime)
        },
        (e: unknown) => setError(errorDataOf(e)),
      )
      .finally(() => setBusy(null))
  }
  return (
    <Group gap="xs" data-testid="data-export">
      <Button variant="light" size="xs" loading={busy === 'pdf'} onClick={() => run('pdf')}>
        {t('dataExport.pdfButton')}
      </Button>
      <Button variant="subtle" size="xs" loading={busy === 'json'} onClick={() => run('json')}>
        {t('dataExport.jsonButton')}
      </Button>
      {error && <ErrorAlert error={error} />}
      {preview && <PdfPreview document={preview} onClose={() => setPreview(null)} />}
    </Group>
  )
}
