import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSummary } from '@shared/api/methods/documents'
import type { ArtisanFile } from '@shared/artisans/records'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { fromBase64 } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'
import { issuedTitle } from '../printing/preview-title'
import { displayNames } from './display'
import { formatInstant } from '@shared/text/dates'

type Printed = Awaited<ReturnType<typeof api.call<'documents.issue'>>>

/**
 * The documents issued to an artisan, newest first: print a deposit receipt (until the
 * artisan is registered in the RNA) or the registration certificate (once the NIA is
 * assigned), the file summary for the artisan to check and sign; reprint one as a
 * duplicata, cancel one with a reason. Each document opens in the preview, to print or save.
 */
export function DocumentsCard({ file }: { file: ArtisanFile }) {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  // The notice "document … prepared" belongs to this file only.
  const [printedFor, setPrinted] = useState<{ fileId: string; doc: Printed } | null>(null)
  const printed = printedFor?.fileId === file.id ? printedFor.doc : null
  const [preview, setPreview] = useState<PreviewDocument | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [cancelling, setCancelling] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  // A receipt until the artisan is registered in the RNA, the certificate after.
  const kind = file.rnaStatus === 'registered' ? 'certificate' : 'receipt'
  const fail = (e: unknown) => setError(errorDataOf(e))

  const load = useCallback(() => {
    api.call('documents.list', { artisanId: file.id }).then(setDocuments, fail)
  }, [file.id])
  useEffect(load, [load])

  const save = (p: Printed) => {
    setPreview({
      fileName: p.fileName,
      bytes: fromBase64(p.base64),
      warnings: p.warnings,
      title: issuedTitle(t, p.fileName, displayNames(file, i18n.language).primary),
    })
    setPrinted({ fileId: file.id, doc: p })
    load()
  }
  const act = (call: Promise<Printed>) => {
    setError(null)
    setPrinted(null)
    call.then(save, fail)
  }
  const cancel = (id: string) => {
    setError(null)
    api.call('documents.cancel', { id, reason }).then(() => {
      setCancelling(null)
      setReason('')
      load()
    }, fail)
  }

  return (
    <Paper withBorder p="md" data-testid="documents">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('artisan.documents')}
          </Title>
          <Group gap="xs" display={allows('documents.issue') ? undefined : 'none'}>
            <Button
              size="xs"
              variant="light"
              onClick={() => act(api.call('documents.issue', { artisanId: file.id, type: kind }))}
            >
              {t(kind === 'certificate' ? 'documents.printCertificate' : 'documents.printReceipt')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                act(api.call('documents.issue', { artisanId: file.id, type: 'summary' }))
              }
            >
              {t('documents.printSummary')}
            </Button>
          </Group>
        </Group>
        {preview && <PdfPreview document={preview} onClose={() => setPreview(null)} />}
        {printed && (
          <Alert color="teal" role="status">
            {t('documents.printed', { number: printed.number })}
            {printed.warnings.map((w) => (
              <Text key={w} size="sm" c="orange">
                {t(w)}
              </Text>
            ))}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        {documents.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('artisan.noDocuments')}
          </Text>
        )}
        {documents.map((d) => (
          <Stack key={d.id} gap={4} data-testid="document-row">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {t(`documents.${d.type}`)} · <Ltr>{d.number}</Ltr>
                </Text>
                <Text size="xs" c="dimmed">
                  <Ltr>{formatInstant(d.issuedAt)}</Ltr> ·{' '}
                  {t('documents.by', { name: isolate(d.issuedByName) })}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                <Badge variant="light" color={d.copy > 0 ? 'gray' : 'teal'}>
                  {d.copy > 0 ? t('documents.copy', { n: d.copy }) : t('documents.original')}
                </Badge>
                {d.cancelledAt ? (
                  <Badge color="red" variant="light">
                    {t('documents.cancelled', { reason: isolate(d.cancelReason ?? '') })}
                  </Badge>
                ) : (
                  d.copy === 0 && (
                    <>
                      {allows('documents.reprint') && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => act(api.call('documents.reprint', { id: d.id }))}
                        >
                          {t('documents.reprint')}
                        </Button>
                      )}
                      {allows('documents.cancel') && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setCancelling(d.id)}
                        >
                          {t('documents.cancel')}
                        </Button>
                      )}
                    </>
                  )
                )}
              </Group>
            </Group>
            {cancelling === d.id && (
              <Group align="flex-end" gap="xs">
                <TextInput
                  size="xs"
                  label={t('documents.cancelReason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button size="xs" color="red" onClick={() => cancel(d.id)}>
                  {t('documents.cancelConfirm')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
