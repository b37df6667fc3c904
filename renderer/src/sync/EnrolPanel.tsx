import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { ErrorAlert } from '../components/ErrorAlert'

/**
 * Enrolling the desk with the national registry (administrators): the registry's address,
 * the chamber's code and the one-time enrolment token the ministry gives the chamber. Also
 * to enrol again — when the registry no longer knows the desk, or for another registry.
 */
export function EnrolPanel({
  onEnrolled,
  registryUrl: current = '',
}: {
  onEnrolled: () => void
  /** The registry the desk is linked to, when it enrols again. */
  registryUrl?: string
}) {
  const { t } = useTranslation()
  const { profile } = useDesk()
  const [registryUrl, setRegistryUrl] = useState(current)
  const [chamberCode, setChamberCode] = useState(profile.chamber.regionCode)
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fieldError = (path: string) => {
    const f = error?.fields?.find((x) => x.path === path)
    return f ? t(f.key, f.params) : undefined
  }

  const enrol = () => {
    setBusy(true)
    setError(null)
    api
      .call('sync.enrol', { registryUrl, chamberCode, enrolmentToken: token })
      .then(
        (r) => {
          setDone(r.deskCode)
          setToken('')
          onEnrolled()
        },
        (e: unknown) => setError(errorDataOf(e)),
      )
      .finally(() => setBusy(false))
  }

  return (
    <Paper withBorder p="md" data-testid="enrol">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sync.enrolTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.enrolHint')}
        </Text>
        <TextInput
          label={t('sync.registryUrl')}
          placeholder="https://rna.example.ma"
          value={registryUrl}
          onChange={(e) => setRegistryUrl(e.currentTarget.value)}
          error={fieldError('registryUrl')}
          dir="ltr"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('sync.chamberCode')}
            value={chamberCode}
            onChange={(e) => setChamberCode(e.currentTarget.value)}
            error={fieldError('chamberCode')}
            dir="ltr"
          />
          <TextInput
            label={t('sync.enrolmentToken')}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={fieldError('enrolmentToken')}
            dir="ltr"
            autoComplete="off"
          />
        </Group>
        {done && (
          <Alert color="teal" role="status">
            {t('sync.enrolledScreen', { deskCode: isolate(done) })}
          </Alert>
        )}
        {error && !error.fields?.length && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button onClick={enrol} loading={busy} disabled={!registryUrl.trim() || !token.trim()}>
            {t('sync.enrolButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
