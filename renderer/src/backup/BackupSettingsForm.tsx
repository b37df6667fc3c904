import { Alert, Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupSettings } from '@shared/api/methods/backup'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { hourText } from './backup-display'
import { ChoiceSelect } from '../components/ChoiceSelect'

/**
 * The daily automatic backup: the folder (typed as a path — a USB drive or a network
 * folder; the browser cannot open a folder picker; empty for the data folder's own), on or
 * off, the hour, how many to keep.
 */
export function BackupSettingsForm({
  initial,
  defaultFolder,
  editable,
  onSaved,
}: {
  initial: BackupSettings
  /** Where the backups go while the field is empty (the data folder's own `backups/`). */
  defaultFolder: string
  editable: boolean
  onSaved: (s: BackupSettings) => void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState<BackupSettings>(initial)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const set = (patch: Partial<BackupSettings>) => {
    setSaved(false)
    setValue({ ...value, ...patch })
  }
  const save = () => {
    setError(null)
    api.call('backup.setSettings', value).then(
      (s) => {
        setValue(s)
        setSaved(true)
        onSaved(s)
      },
      (e: unknown) => setError(errorDataOf(e)),
    )
  }
  return (
    <Stack gap="sm">
      <TextInput
        label={t('backup.folder')}
        description={t('backup.folderHint')}
        dir="ltr"
        placeholder={defaultFolder}
        value={value.folder ?? ''}
        disabled={!editable}
        onChange={(e) => set({ folder: e.currentTarget.value || null })}
      />
      <Switch
        label={t('backup.enabled')}
        checked={value.enabled}
        disabled={!editable}
        onChange={(e) => set({ enabled: e.currentTarget.checked })}
      />
      <Group align="flex-end">
        <ChoiceSelect
          label={t('backup.hour')}
          data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourText(h) }))}
          value={String(value.hour)}
          disabled={!editable}
          onChange={(h) => h !== null && set({ hour: Number(h) })}
          w={140}
        />
        <NumberInput
          label={t('backup.keep')}
          description={t('backup.keepHint')}
          min={1}
          max={365}
          value={value.keep}
          disabled={!editable}
          onChange={(n) => typeof n === 'number' && set({ keep: n })}
          w={220}
        />
      </Group>
      {error && <ErrorAlert error={error} />}
      {saved && (
        <Alert color="teal" role="status">
          {t('backup.saved')}
        </Alert>
      )}
      {editable && (
        <Button onClick={save} w="fit-content">
          {t('backup.save')}
        </Button>
      )}
    </Stack>
  )
}
