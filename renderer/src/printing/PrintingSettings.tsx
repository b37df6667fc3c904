import { Alert, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { PrintPreference, Printer } from '@shared/settings/printing'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { ChoiceSelect } from '../components/ChoiceSelect'

/**
 * Settings › Printing: the print dialog each time (default), or straight to one of this
 * computer's printers without asking. Only the desktop app can print silently; the browser
 * host says so and leaves the choice to the browser's dialog.
 */
export function PrintingSettings() {
  const { t } = useTranslation()
  const desktop = Boolean(window.sijill?.print)
  const [preference, setPreference] = useState<PrintPreference | null>(null)
  const [printers, setPrinters] = useState<Printer[]>([])
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  useEffect(() => {
    api.call('settings.printing', {}).then(setPreference, fail)
    window.sijill?.printers?.().then(setPrinters, fail)
  }, [])

  const save = () => {
    if (!preference) return
    setSaved(false)
    setError(null)
    api.call('settings.setPrinting', preference).then((p) => {
      setPreference(p)
      setSaved(true)
    }, fail)
  }

  return (
    <Paper withBorder p="lg" data-testid="printing-settings">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('printing.settingsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(desktop ? 'printing.settingsHint' : 'printing.browserHint')}
        </Text>
        {preference && (
          <>
            <Switch
              label={t('printing.silent')}
              checked={preference.silent}
              disabled={!desktop}
              onChange={(e) => setPreference({ ...preference, silent: e.currentTarget.checked })}
            />
            <ChoiceSelect
              label={t('printing.printer')}
              placeholder={t(printers.length ? 'register.choose' : 'printing.noPrinters')}
              data={printers.map((p) => ({
                value: p.name,
                label: p.isDefault
                  ? `${p.displayName} (${t('printing.systemDefault')})`
                  : p.displayName,
              }))}
              value={preference.printer}
              disabled={!desktop || !preference.silent}
              onChange={(printer) => setPreference({ ...preference, printer })}
              w={420}
            />
          </>
        )}
        {saved && (
          <Alert color="teal" role="status">
            {t('settings.saved')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button onClick={save} disabled={!desktop || !preference}>
            {t('printing.saveSettings')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
