import { Button, Menu, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDesk } from '../app/desk-context'
import { ChangePasswordForm } from './ChangePasswordForm'

/** The person at the desk, in the header: their roles, their password, lock, log out. */
export function UserMenu() {
  const { t } = useTranslation()
  const { user, lock, logout } = useDesk()
  const [changing, setChanging] = useState(false)
  const [changed, setChanged] = useState(false)
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" data-testid="user-menu">
            {user.fullName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.roles.map((r) => t(`roles.${r}`)).join(' · ')}</Menu.Label>
          <Menu.Item onClick={() => setChanging(true)}>{t('auth.changePassword')}</Menu.Item>
          <Menu.Item onClick={lock}>{t('auth.lockNow')}</Menu.Item>
          <Menu.Item color="red" onClick={logout}>
            {t('auth.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing && (
        <Modal opened onClose={() => setChanging(false)} title={t('auth.changePassword')}>
          <ChangePasswordForm
            onCancel={() => setChanging(false)}
            onDone={() => {
              setChanging(false)
              setChanged(true)
            }}
          />
        </Modal>
      )}
      {changed && (
        <Text size="xs" c="teal" role="status" className="visually-hidden">
          {t('auth.passwordChanged')}
        </Text>
      )}
    </>
  )
}
