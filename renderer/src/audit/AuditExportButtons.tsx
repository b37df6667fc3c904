import { Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilter } from '@shared/api/methods/audit'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64, saveFile } from '../files/file-content'

/**
 * A copy of the rows the filters select, as CSV (spreadsheets) or JSON (programs), saved as
 * a file. Larger selections than the screen allows are refused with a pointer to the
 * command line; each copy is recorded in the log.
 */
export function AuditExportButtons({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null)
  const [rows, setRows] = useState<number | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const run = (format: 'csv' | 'json') => {
    setBusy(format)
    setError(null)
    setRows(null)
    api
      .call('audit.export', { format, filter })
      .then(
        (f) => {
          saveFile(f.fileName, fromBase64(f.base64), f.mime)
          setRows(f.rows)
        },
        (e: unknown) => setError(errorDataOf(e)),
      )
      .finally(() => setBusy(null))
  }
  return (
    <Group gap="xs" align="center">
      <Button variant="default" loading={busy === 'csv'} onClick={() => run('csv')}>
        {t('audit.exportCsv')}
      </Button>
      <Button variant="default" loading={busy === 'json'} onClick={() => run('json')}>
        {t('audit.exportJson')}
      </Button>
      {rows !== null && (
        <Text size="sm" role="status">
          {t('audit.exported', { count: rows })}
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
    </Group>
  )
}
