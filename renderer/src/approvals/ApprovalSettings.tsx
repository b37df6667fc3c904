import { Alert, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalSettings as Settings } from '@shared/approvals/approval'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'

/**
 * Settings › Supervisor approval: whether clerks' new registrations and identity changes
 * wait for a supervisor before they are sent to the registry (on by default; changed by
 * an administrator — the router refuses anyone else).
 */
export function ApprovalSettings() {
  const { t } = useTranslation()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  useEffect(() => {
    api.call('approvals.settings', {}).then(setSettings, fail)
  }, [])

  const save = () => {
    if (!settings) return
    setSaved(false)
    setError(null)
    api.call('approvals.setSettings', settings).then((s) => {
      setSettings(s)
      setSaved(true)
    }, fail)
  }

  return (
    <Paper withBorder p="lg" data-testid="approval-settings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('approvals.settingsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('approvals.settingsHint')}
        </Text>
        {settings && (
          <Switch
            label={t('approvals.required')}
            checked={settings.required}
            onChange={(e) => setSettings({ required: e.currentTarget.checked })}
          />
        )}
        {saved && (
          <Alert color="teal" role="status">
            {t('settings.saved')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button onClick={save} disabled={!settings}>
            {t('approvals.settingsSave')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
