import { Alert, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RestorePreview } from '@shared/api/methods/backup'
import { isolateParams } from '@shared/text/bidi'
import { Ltr } from '../components/Ltr'
import { formatCount } from '../reports/format'
import { COUNTED, dateTimeText } from './backup-display'

/**
 * What a restore replaces, side by side: the current database and the backup (artisans,
 * documents, sessions, last change), and what the clerk must know before confirming.
 */
export function RestoreWarning({ preview }: { preview: RestorePreview }) {
  const { t, i18n } = useTranslation()
  const when = (iso: string | null) => <Ltr>{dateTimeText(iso, i18n.language)}</Ltr>
  const count = (n: number) => <Ltr>{formatCount(n, i18n.language)}</Ltr>
  const lost = preview.current.counts
  return (
    <Stack gap="sm" data-testid="restore-warning">
      <Alert color="orange" title={t('backup.warningTitle')} role="alert">
        <Text size="sm">
          {t(
            'backup.warningText',
            isolateParams({ date: dateTimeText(preview.backup.createdAt, i18n.language) }),
          )}
        </Text>
      </Alert>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('backup.colCurrent')}</Table.Th>
            <Table.Th>{t('backup.colBackup')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COUNTED.map((what) => (
            <Table.Tr key={what}>
              <Table.Td>{t(`backup.row_${what}`)}</Table.Td>
              <Table.Td>{preview.current.exists ? count(lost[what]) : '—'}</Table.Td>
              <Table.Td>{count(preview.backup.counts[what])}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{t('backup.rowLastChange')}</Table.Td>
            <Table.Td>{when(preview.current.lastChangeAt)}</Table.Td>
            <Table.Td>{when(preview.backup.lastChangeAt ?? preview.backup.createdAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('backup.rowTakenAt')}</Table.Td>
            <Table.Td>—</Table.Td>
            <Table.Td>{when(preview.backup.createdAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {!preview.sameDesk && (
        <Alert color="orange" role="note">
          {t(
            'backup.otherDeskWarning',
            isolateParams({ desk: preview.backup.deskName ?? preview.backup.deskId }),
          )}
        </Alert>
      )}
      {preview.migratedFrom !== null && (
        <Text size="sm" c="dimmed">
          {t(
            'backup.migrates',
            isolateParams({ from: preview.migratedFrom, to: preview.schemaVersion }),
          )}
        </Text>
      )}
    </Stack>
  )
}
