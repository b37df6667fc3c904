import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_IMPORT_BYTES } from '@shared/api/methods/imports'
import { IDENTIFICATION_FIELDS } from '@shared/artisans/identification'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Language } from '@shared/settings/language'
import { isolate } from '@shared/text/bidi'
import { readChosenFile, type FileContent } from '../files/file-content'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { useJobStatus } from '../components/useJobStatus'
import { ImportHeldRows } from './ImportHeldRows'
import { ChoiceSelect } from '../components/ChoiceSelect'

type Preview = Awaited<ReturnType<typeof api.call<'import.preview'>>>
type Status = Awaited<ReturnType<typeof api.call<'import.status'>>>

/** Columns not recognised that the preview draws at most (after every recognised one). */
const OTHER_COLUMNS_SHOWN = 30

/**
 * The columns the preview draws, in the list's order: every recognised (or chosen) one and
 * the first others — a list of thousands of columns draws no thousands of selectors — and
 * how many others are left out.
 */
function previewColumns(
  count: number,
  chosen: ReadonlySet<number>,
): { shown: number[]; hidden: number } {
  const shown: number[] = []
  let others = 0
  for (let i = 0; i < count; i++) {
    if (chosen.has(i)) shown.push(i)
    else if (others++ < OTHER_COLUMNS_SHOWN) shown.push(i)
  }
  return { shown, hidden: count - shown.length }
}

/**
 * Import an identification list (XLSX or CSV): the columns recognised are shown with the
 * first rows and can be corrected; the import runs with progress and can be cancelled; the
 * summary accounts for every row and offers the report of rejected and held rows; held
 * rows are shown with the file they resemble, for a person to decide (ImportHeldRows).
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation()
  const [file, setFile] = useState<{ name: string; content: FileContent } | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [jobId, setJobId] = useState<string | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  const choose = async (picked: File | null) => {
    if (!picked) return
    setError(null)
    setStatus(null)
    setJobId(null)
    setPreview(null)
    if (picked.size > MAX_IMPORT_BYTES) {
      // Refused before a byte is read: the size and the cap, in megabytes.
      const mb = (n: number) => Math.max(0.1, Math.round((n / 1024 / 1024) * 10) / 10)
      setError({
        code: 'validation',
        key: 'errors.import_file_too_big',
        params: { size: mb(picked.size), max: mb(MAX_IMPORT_BYTES) },
      })
      return
    }
    const content = await readChosenFile(picked)
    setFile({ name: picked.name, content })
    api.call('import.preview', { fileName: picked.name, ...content }).then((p) => {
      setPreview(p)
      setMapping(p.mapping)
    }, fail)
  }

  const start = () => {
    if (!file) return
    api
      .call('import.start', {
        fileName: file.name,
        ...file.content,
        mapping: mapping as Preview['mapping'],
        language: i18n.language as Language,
      })
      .then((r) => setJobId(r.jobId), fail)
  }

  useJobStatus<Status>(jobId, (id) => api.call('import.status', { jobId: id }), {
    onStatus: setStatus,
    onEnd: () => onImported(),
    onError: fail,
  })

  const reportUrl = status?.report
    ? URL.createObjectURL(new Blob([status.report], { type: 'text/csv' }))
    : null
  const columns = preview
    ? previewColumns(
        preview.header.length,
        new Set([...Object.keys(preview.mapping), ...Object.keys(mapping)].map(Number)),
      )
    : { shown: [], hidden: 0 }
  const fieldOptions = [
    { value: '', label: t('import.ignore') },
    ...IDENTIFICATION_FIELDS.map((f) => ({ value: f, label: t(`import.field.${f}`) })),
  ]

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('import.title')}
          </Title>
          <FileButton
            accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(f) => void choose(f)}
          >
            {(props) => (
              <Button size="xs" variant="light" {...props} data-testid="import-pick">
                {t('import.pick')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('import.hint')}
        </Text>
        {error && <ErrorAlert error={error} />}
        {preview && !jobId && (
          <>
            <Text size="sm">
              {t('import.rows', { count: preview.rows, file: isolate(file?.name ?? '') })}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    {columns.shown.map((i) => {
                      const h = preview.header[i] ?? ''
                      return (
                        <Table.Th key={i}>
                          <Stack gap={4} style={{ minInlineSize: '10rem' }}>
                            <Text size="xs" fw={700}>
                              <bdi>{h}</bdi>
                            </Text>
                            <ChoiceSelect
                              size="xs"
                              aria-label={t('import.columnFor', { column: isolate(h) })}
                              data={fieldOptions}
                              value={mapping[String(i)] ?? ''}
                              onChange={(v) =>
                                setMapping((m) => {
                                  const next = { ...m }
                                  if (v) next[String(i)] = v
                                  else delete next[String(i)]
                                  return next
                                })
                              }
                            />
                          </Stack>
                        </Table.Th>
                      )
                    })}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row, r) => (
                    <Table.Tr key={r}>
                      {columns.shown.map((c) => (
                        <Table.Td key={c}>
                          <bdi>{row[c] ?? ''}</bdi>
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {columns.hidden > 0 && (
              <Text size="xs" c="dimmed" data-testid="import-more-columns">
                {t('import.moreColumns', { count: columns.hidden })}
              </Text>
            )}
            <Group justify="flex-end">
              <Button onClick={start}>{t('import.start')}</Button>
            </Group>
          </>
        )}
        {status && (
          <Stack gap="xs">
            <Progress
              value={status.total ? (100 * status.done) / status.total : 100}
              animated={status.state === 'running'}
            />
            {status.state === 'running' ? (
              <Group justify="space-between">
                <Text size="sm">
                  {t('import.progress', { done: status.done, total: status.total })}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => jobId && void api.call('import.cancel', { jobId })}
                >
                  {t('path.cancel')}
                </Button>
              </Group>
            ) : (
              <Alert
                color={status.rejected || status.held ? 'yellow' : 'teal'}
                role="status"
                data-testid="import-summary"
              >
                {t(status.state === 'cancelled' ? 'import.cancelled' : 'import.summary', status)}
                {reportUrl && (
                  <>
                    {' '}
                    <a
                      href={reportUrl}
                      download={`${file?.name.replace(/\.(csv|txt|xlsx)$/i, '') ?? 'import'}.errors.csv`}
                    >
                      {t('import.report')}
                    </a>
                  </>
                )}
              </Alert>
            )}
            {jobId && status.state !== 'running' && status.heldRows.length > 0 && (
              <ImportHeldRows
                jobId={jobId}
                rows={status.heldRows}
                total={status.held}
                dryRun={status.dryRun}
                onDecided={(row) => {
                  setStatus(
                    (s) =>
                      s && {
                        ...s,
                        heldRows: s.heldRows.map((h) => (h.line === row.line ? row : h)),
                      },
                  )
                  if (row.decision === 'registered' || row.decision === 'cin_added') onImported()
                }}
              />
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
