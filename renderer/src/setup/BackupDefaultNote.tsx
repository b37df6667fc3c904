import { Alert, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupStatus } from '@shared/api/methods/backup'
import { ltr } from '@shared/text/bidi'
import { api } from '../api/transport'
import { hourText } from '../backup/backup-display'
import { Ltr } from '../components/Ltr'

/**
 * Where the daily backup goes, said where the recovery code is shown (first-run setup,
 * or a new code from the settings): the backups are on by default, into the data folder's
 * own `backups/`, until an administrator chooses a USB drive or a network folder — and a
 * backup opens elsewhere only with this desk's key, which the code brings back. Shown to
 * those who may read the backup settings; nothing when the backup is switched off.
 */
export function BackupDefaultNote() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<BackupStatus | null>(null)
  useEffect(() => {
    api.call('backup.status', {}).then(setStatus, () => setStatus(null))
  }, [])
  if (!status?.settings.enabled) return null
  return (
    <Alert color="blue" title={t('backup.setupTitle')} data-testid="backup-default-note">
      <Text size="sm">
        {t('backup.setupGoesTo', { hour: ltr(hourText(status.settings.hour)) })}
      </Text>
      <Text size="sm" fw={600} my={4}>
        <Ltr>{status.folder}</Ltr>
      </Text>
      <Text size="sm">{t('backup.setupChoose')}</Text>
    </Alert>
  )
}
