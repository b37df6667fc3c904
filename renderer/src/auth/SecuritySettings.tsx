import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'

/** How long the desk may sit idle before it locks (five minutes unless the chamber says otherwise). */
export function SecuritySettings() {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState<number | string>(5)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  useEffect(() => {
    api.call('settings.security', {}).then(
      (s) => setMinutes(s.idleMinutes),
      (e: unknown) => setError(errorDataOf(e)),
    )
  }, [])
  const save = async () => {
    setError(null)
    setSaved(false)
    try {
      await api.call('settings.setSecurity', { idleMinutes: Number(minutes) })
      setSaved(true)
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  const field = error?.fields?.find((f) => f.path === 'idleMinutes')
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.securityTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.securityIntro')}
        </Text>
        <Group align="flex-end">
          <NumberInput
            label={t('settings.idleMinutes')}
            min={1}
            max={240}
            value={minutes}
            onChange={setMinutes}
            w={220}
            dir="ltr"
            error={field ? t(field.key, field.params) : undefined}
          />
          <Button onClick={() => void save()}>{t('settings.securitySave')}</Button>
        </Group>
        {saved && (
          <Text size="sm" c="teal" role="status">
            {t('settings.securitySaved')}
          </Text>
        )}
        {error && !field && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  )
}
