import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useDesk } from '../app/desk-context'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Verification } from '@shared/api/methods/documents'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { BatchPanel } from './BatchPanel'
import { KeysPanel } from './KeysPanel'
import { formatDay } from '@shared/text/dates'

/**
 * Documents (Alt+3): verify a certificate from its QR code — scanned with a USB reader
 * (which types the text and Enter), or pasted — entirely offline; print certificates by
 * batch; and the keys that sign and verify certificates (KeysPanel).
 */
export function DocumentsPage() {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const [text, setText] = useState('')
  const [result, setResult] = useState<Verification | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  const verify = () => {
    setError(null)
    if (text.trim()) api.call('documents.verify', { text }).then(setResult, fail)
  }
  const color = { valid: 'teal', invalid: 'red', cancelled: 'orange' } as const
  const heading = { valid: 'valid', invalid: 'invalid', cancelled: 'cancelledDoc' } as const

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('pages.documents.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('documents.verifyTitle')}
          </Title>
          <Textarea
            label={t('documents.verifyText')}
            description={t('documents.verifyHint')}
            value={text}
            autosize
            minRows={2}
            dir="ltr"
            data-autofocus
            autoFocus
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                verify()
              }
            }}
          />
          <Group>
            <Button onClick={verify}>{t('documents.verifyButton')}</Button>
          </Group>
          {result && (
            <Alert
              color={color[result.status]}
              title={t(`documents.${heading[result.status]}`)}
              role="status"
              data-testid="verification"
            >
              {result.status === 'invalid' ? (
                <Text size="sm">{t(`documents.reason_${result.reason ?? 'format'}`)}</Text>
              ) : (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {result.nameAr ? `${result.nameAr} — ` : ''}
                    {result.name}
                  </Text>
                  <Text size="sm">
                    {t('artisan.nia')}: <Ltr>{result.nia ?? ''}</Ltr> · {t('documents.number')}{' '}
                    <Ltr>{result.number ?? ''}</Ltr> · <Ltr>{formatDay(result.issuedOn)}</Ltr>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('documents.signedWith', { key: isolate(result.keyId ?? '') })}
                  </Text>
                  {result.status === 'cancelled' && (
                    <Text size="sm">
                      {t('documents.cancelled', { reason: isolate(result.cancelReason ?? '') })}
                    </Text>
                  )}
                </Stack>
              )}
            </Alert>
          )}
          {error && <ErrorAlert error={error} />}
        </Stack>
      </Paper>
      {allows('documents.batchStart') && <BatchPanel />}
      {allows('signing.importKey') && <KeysPanel />}
    </Stack>
  )
}
