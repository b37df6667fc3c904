import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilter } from '@shared/api/methods/audit'
import { ErrorAlert } from '../components/ErrorAlert'
import { AuditEntry } from './AuditEntry'
import { AuditExportButtons } from './AuditExportButtons'
import { AuditFilters } from './AuditFilters'
import { useAuditPages } from './useAuditPages'
import { VerifyChain } from './VerifyChain'

/**
 * The audit screen (supervisors, administrators): every change recorded on this desk,
 * newest first, filtered by user, days, artisan, action or text; each row opens on its
 * before and after. "Verify the chain" proves the log intact or names its first broken
 * link; the selection can be copied as CSV or JSON.
 */
export function AuditPanel() {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<AuditFilter>({})
  const pages = useAuditPages(filter)
  return (
    <Paper withBorder p="md" data-testid="audit-panel">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('audit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('audit.hint')}
        </Text>
        <Group justify="space-between" align="flex-start">
          <VerifyChain />
          <AuditExportButtons filter={filter} />
        </Group>
        <AuditFilters value={filter} onChange={setFilter} />
        {pages.error && <ErrorAlert error={pages.error} onRetry={pages.reload} />}
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="audit-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.col.when')}</Table.Th>
                <Table.Th>{t('audit.col.who')}</Table.Th>
                <Table.Th>{t('audit.col.action')}</Table.Th>
                <Table.Th>{t('audit.col.about')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.rows.map((row) => (
                <AuditEntry key={row.seq} row={row} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {pages.loading && <Loader size="sm" />}
        {!pages.loading && pages.rows.length === 0 && !pages.error && (
          <Text c="dimmed">{t('audit.empty')}</Text>
        )}
        {pages.more && !pages.loading && (
          <Button variant="default" onClick={pages.loadMore} w="fit-content">
            {t('audit.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  )
}
