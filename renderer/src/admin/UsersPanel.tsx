import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '@shared/accounts/account'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { UserFormModal } from './UserFormModal'

/**
 * The desk's accounts, for its administrator: create one, correct its name and roles,
 * reset its password (its owner chooses a new one at next login), deactivate or
 * reactivate it. Accounts are never deleted: the audit log names them.
 */
export function UsersPanel() {
  const { t } = useTranslation()
  const [users, setUsers] = useState<User[]>([])
  const [error, setError] = useState<AppErrorData | null>(null)
  const [editing, setEditing] = useState<User | 'new' | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)
  const [password, setPassword] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const load = useCallback(() => {
    api.call('users.list', {}).then(setUsers, (e: unknown) => setError(errorDataOf(e)))
  }, [])
  useEffect(load, [load])

  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null)
    try {
      await action()
      setNotice(message)
      load()
      return true
    } catch (e) {
      setError(errorDataOf(e))
      return false
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('users.intro')}
        </Text>
        <Button onClick={() => setEditing('new')}>{t('users.add')}</Button>
      </Group>
      {notice && (
        <Text c="teal" size="sm" role="status">
          {notice}
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.fullName')}</Table.Th>
              <Table.Th>{t('auth.username')}</Table.Th>
              <Table.Th>{t('users.roles')}</Table.Th>
              <Table.Th>{t('users.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" opacity={u.active ? 1 : 0.6}>
                <Table.Td fw={600}>{u.fullName}</Table.Td>
                <Table.Td>
                  <Ltr>{u.username}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {!u.active ? (
                    <Badge color="gray">{t('users.inactive')}</Badge>
                  ) : u.mustChangePassword ? (
                    <Badge color="orange" variant="light">
                      {t('users.mustChange')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('users.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(u)}>
                      {t('users.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setResetting(u)}>
                      {t('users.reset')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color={u.active ? 'red' : 'teal'}
                      onClick={() =>
                        void run(
                          () => api.call('users.setActive', { id: u.id, active: !u.active }),
                          t(u.active ? 'users.deactivated' : 'users.reactivated', {
                            name: u.fullName,
                          }),
                        )
                      }
                    >
                      {t(u.active ? 'users.deactivate' : 'users.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && (
        <UserFormModal
          existing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            setNotice(t('users.saved'))
            load()
          }}
        />
      )}
      {resetting && (
        <Modal
          opened
          onClose={() => setResetting(null)}
          title={t('users.resetTitle', { name: resetting.fullName })}
        >
          <Stack gap="sm">
            <PasswordInput
              label={t('users.firstPassword')}
              description={t('users.firstPasswordHint')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              dir="ltr"
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setResetting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() =>
                  void run(
                    () => api.call('users.resetPassword', { id: resetting.id, password }),
                    t('users.resetDone', { name: resetting.fullName }),
                  ).then((ok) => {
                    if (ok) {
                      setResetting(null)
                      setPassword('')
                    }
                  })
                }
              >
                {t('users.reset')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  )
}
