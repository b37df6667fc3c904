import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * An account's full name and username, as the first administrator's screen and the
 * accounts form ask them. `own`: the person types their own (the browser may fill them);
 * otherwise someone else's, and a username already given cannot change.
 */
export function AccountNameFields({
  fullName,
  username,
  onFullName,
  onUsername,
  errorAt,
  own,
  usernameFixed = false,
}: {
  fullName: string
  username: string
  onFullName: (v: string) => void
  onUsername: (v: string) => void
  errorAt: (path: string) => string | undefined
  own: boolean
  usernameFixed?: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('auth.fullName')}
        value={fullName}
        onChange={(e) => onFullName(e.currentTarget.value)}
        error={errorAt('fullName')}
        classNames={{ input: 'auto-input' }}
        autoComplete={own ? 'name' : 'off'}
        data-autofocus
      />
      <TextInput
        label={t('auth.username')}
        description={usernameFixed ? undefined : t('auth.usernameHint')}
        value={username}
        onChange={(e) => onUsername(e.currentTarget.value)}
        error={errorAt('username')}
        disabled={usernameFixed}
        autoComplete={own ? 'username' : 'off'}
        dir="ltr"
      />
    </>
  )
}
