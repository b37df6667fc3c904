import { Stack, Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApprovalsPanel } from '../approvals/ApprovalsPanel'
import { AuditPanel } from '../audit/AuditPanel'
import { useDesk } from '../app/desk-context'
import { BackupPanel } from '../backup/BackupPanel'
import { UsersPanel } from './UsersPanel'

/**
 * Administration: the approval queue and the audit log for supervisors;
 * accounts and backups for administrators. Each tab shows only to the roles it serves.
 */
export function AdminPage() {
  const { t } = useTranslation()
  const { can } = useDesk()
  const supervises = can(['supervisor', 'administrator'])
  const admin = can(['administrator'])
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.admin')}</Title>
      <Tabs defaultValue="approvals" keepMounted={false}>
        <Tabs.List>
          {supervises && <Tabs.Tab value="approvals">{t('admin.tab.approvals')}</Tabs.Tab>}
          {supervises && <Tabs.Tab value="audit">{t('admin.tab.audit')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="users">{t('admin.tab.users')}</Tabs.Tab>}
          {admin && <Tabs.Tab value="backups">{t('admin.tab.backups')}</Tabs.Tab>}
        </Tabs.List>
        {supervises && (
          <Tabs.Panel value="approvals" pt="md">
            <ApprovalsPanel />
          </Tabs.Panel>
        )}
        {supervises && (
          <Tabs.Panel value="audit" pt="md">
            <AuditPanel />
          </Tabs.Panel>
        )}
        {admin && (
          <Tabs.Panel value="users" pt="md">
            <UsersPanel />
          </Tabs.Panel>
        )}
        {admin && (
          <Tabs.Panel value="backups" pt="md">
            <BackupPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  )
}
