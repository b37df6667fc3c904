import { Button, Checkbox, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '@shared/accounts/account'
import { ROLES, type Role } from '@shared/api/roles'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { fieldMessage } from '../forms/field-message'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { AccountNameFields } from '../auth/AccountNameFields'

/**
 * A new account (name, username, roles, a first password its owner must change), or the
 * correction of one (name and roles). A person may hold several roles.
 */
export function UserFormModal({
  existing,
  onClose,
  onSaved,
}: {
  existing: User | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [fullName, setFullName] = useState(existing?.fullName ?? '')
  const [username, setUsername] = useState(existing?.username ?? '')
  const [roles, setRoles] = useState<Role[]>(existing?.roles ?? ['clerk'])
  const [password, setPassword] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const field = (path: string) => fieldMessage(t, error, path)
  const save = async () => {
    setError(null)
    try {
      if (existing)
        await api.call('users.update', {
          id: existing.id,
          fullName,
          roles,
          expectedVersion: existing.version,
        })
      else await api.call('users.create', { fullName, username, roles, password })
      onSaved()
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  return (
    <Modal opened onClose={onClose} title={t(existing ? 'users.editTitle' : 'users.newTitle')}>
      <Stack gap="sm">
        <AccountNameFields
          fullName={fullName}
          username={username}
          onFullName={setFullName}
          onUsername={setUsername}
          errorAt={field}
          own={false}
          usernameFixed={existing !== null}
        />
        <Checkbox.Group
          label={t('users.roles')}
          value={roles}
          onChange={(v) => setRoles(v as Role[])}
          error={field('roles')}
        >
          <Stack gap={6} mt={6}>
            {ROLES.map((r) => (
              <Checkbox
                key={r}
                value={r}
                label={t(`roles.${r}`)}
                description={t(`roles.about.${r}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {!existing && (
          <PasswordInput
            label={t('users.firstPassword')}
            description={t('users.firstPasswordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={field('password')}
            autoComplete="new-password"
            dir="ltr"
          />
        )}
        {error && !error.fields?.length && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()}>{t(existing ? 'users.save' : 'users.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
