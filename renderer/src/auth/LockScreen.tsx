import { Button, Overlay, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '@shared/accounts/account'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { LtrPasswordInput } from './LtrPasswordInput'

/**
 * The desk locked after its idle time: the work on screen stays where it was, under this
 * cover; the same person unlocks with their password, or logs out for someone else.
 */
export function LockScreen({
  user,
  onUnlocked,
  onLogout,
}: {
  user: SessionUser
  onUnlocked: () => void
  onLogout: () => void
}) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const unlock = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await api.call('auth.unlock', { password })
      setPassword('')
      onUnlocked()
    } catch (err) {
      setError(errorDataOf(err))
      setPassword('')
    }
  }
  return (
    <Overlay fixed blur={8} backgroundOpacity={0.55} zIndex={400} center>
      <Paper
        withBorder
        shadow="lg"
        p="xl"
        w={420}
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
      >
        <form onSubmit={(e) => void unlock(e)}>
          <Stack gap="sm">
            <Title order={2} size="h4" id="lock-title">
              {t('auth.lockedTitle')}
            </Title>
            <Text>{t('auth.lockedFor', { name: user.fullName })}</Text>
            <LtrPasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              autoFocus
            />
            {error && <ErrorAlert error={error} />}
            <Button type="submit" disabled={!password} fullWidth>
              {t('auth.unlock')}
            </Button>
            <Button variant="subtle" onClick={onLogout} fullWidth>
              {t('auth.otherUser')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Overlay>
  )
}
