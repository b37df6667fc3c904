import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { ltr } from '@shared/text/bidi'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { RecoveryCodePanel } from './RecoveryCodePanel'
import { formatInstantDay } from '@shared/text/dates'

type Status = Awaited<ReturnType<typeof api.call<'recovery.status'>>>

/**
 * For the settings (administrators): whether the database key has a recovery code and
 * whether it still fits the key, a new code (the old one stops working; confirmed first,
 * then shown once in RecoveryCodePanel), and a check of a printed code.
 */
export function RecoveryCard() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [code, setCode] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [checked, setChecked] = useState<boolean | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))
  const load = () => void api.call('recovery.status', {}).then(setStatus, fail)
  useEffect(load, [])

  const regenerate = () => {
    setConfirming(false)
    setError(null)
    api.call('recovery.regenerate', {}).then((r) => setCode(r.code), fail)
  }
  const check = () => {
    setError(null)
    setChecked(null)
    api.call('recovery.verify', { code: typed }).then((r) => setChecked(r.ok), fail)
  }

  const state = !status ? null : !status.exists ? 'none' : status.matchesKey ? 'ok' : 'stale'
  return (
    <Paper withBorder p="md" data-testid="recovery-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('recovery.card.title')}
          </Title>
          <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
            {t('recovery.card.new')}
          </Button>
        </Group>
        {state && (
          <Alert color={state === 'ok' ? 'teal' : 'orange'} role="status">
            {t(`recovery.card.${state}`, { date: ltr(formatInstantDay(status?.createdAt)) })}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('recovery.card.checkLabel')}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value)
              setChecked(null)
            }}
            dir="ltr"
            autoComplete="off"
            styles={{ input: { fontFamily: 'monospace' } }}
            style={{ flex: 1 }}
          />
          <Button variant="light" disabled={!typed.trim()} onClick={check}>
            {t('recovery.card.check')}
          </Button>
        </Group>
        {checked !== null && (
          <Alert color={checked ? 'teal' : 'red'} role="status">
            {t(checked ? 'recovery.card.checkOk' : 'errors.recovery_code_wrong')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('recovery.card.new')}
        centered
      >
        <Stack>
          <Text>{t('recovery.card.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={regenerate}>
              {t('recovery.card.new')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={code !== null} onClose={() => undefined} withCloseButton={false} size="xl">
        {code && (
          <RecoveryCodePanel
            code={code}
            onDone={() => {
              setCode(null)
              load()
            }}
          />
        )}
      </Modal>
    </Paper>
  )
}
