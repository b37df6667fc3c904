import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { formatInstant } from '@shared/text/dates'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { hrefOf } from '../app/sections'
import { Advice, ErrorAlert, ErrorDetails } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { adviceKey, reasonKey } from './registry-codes'

type Rejected = Awaited<ReturnType<typeof api.call<'sync.rejected'>>>

/**
 * What the registry refused, file by file: what happened and what to do, in the clerk's
 * language; the registry's own code and sentence under "Details"; and the actions that
 * exist — open the file, correct it, and, when the registry does not know the file, send
 * it again as a new registration (supervisors; others are told to ask one).
 */
export function RejectedPanel({
  rejected,
  onChange,
}: {
  rejected: Rejected
  onChange: () => void
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" data-testid="sync-rejected-list">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sync.rejectedTitle')}
        </Title>
        {rejected.map((r) => (
          <RejectedItem key={r.opId} item={r} onChange={onChange} />
        ))}
      </Stack>
    </Paper>
  )
}

function RejectedItem({ item, onChange }: { item: Rejected[number]; onChange: () => void }) {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [resent, setResent] = useState(false)
  const code = item.reason.code
  const resend = () => {
    setBusy(true)
    setError(null)
    api
      .call('sync.resend', { artisanId: item.artisanId })
      .then(
        () => {
          setResent(true)
          onChange()
        },
        (e: unknown) => setError(errorDataOf(e)),
      )
      .finally(() => setBusy(false))
  }
  return (
    <Paper withBorder p="sm" data-testid="sync-rejected-item" data-code={code}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{item.name || item.artisanId}</Text>
          {item.cin && (
            <Text size="sm" c="dimmed">
              <Ltr>{item.cin}</Ltr>
            </Text>
          )}
          {item.entityType === 'certificate' && (
            <Badge variant="light" color="gray">
              {t('sync.certificate')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            <Ltr>{formatInstant(item.createdAt)}</Ltr>
          </Text>
        </Group>
        <Text size="sm" c="red.8">
          {t(reasonKey(code))}
        </Text>
        <Advice adviceKey={adviceKey(code)} />
        <ErrorDetails params={{ registryCode: code, registryMessage: item.reason.message }} />
        {resent && (
          <Alert color="teal" role="status" p="xs">
            {t('sync.resent')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <Group gap="xs">
          <Button component="a" size="xs" variant="light" href={hrefOf.artisan(item.artisanId)}>
            {t('sync.action.open')}
          </Button>
          {item.entityType === 'artisan' && allows('artisans.update') && (
            <Button
              component="a"
              size="xs"
              variant="default"
              href={hrefOf.register({ edit: item.artisanId })}
            >
              {t('sync.action.correct')}
            </Button>
          )}
          {item.resendable && allows('sync.resend') && !resent && (
            <Button size="xs" color="orange" onClick={resend} loading={busy}>
              {t('sync.action.resend')}
            </Button>
          )}
        </Group>
        {item.resendable && allows('sync.resend') && !resent && (
          <Text size="xs" c="dimmed">
            {t('sync.resendHint')}
          </Text>
        )}
        {item.resendable && !allows('sync.resend') && (
          <Text size="xs" c="dimmed">
            {t('sync.askSupervisor')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
