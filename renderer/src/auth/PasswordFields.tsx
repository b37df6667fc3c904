import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LtrPasswordInput } from './LtrPasswordInput'

/** A new password typed twice; says under the second field when they differ. */
export function PasswordFields({
  value,
  confirm,
  onChange,
  onConfirm,
  error,
  autoFocus = false,
}: {
  value: string
  confirm: string
  onChange: (v: string) => void
  onConfirm: (v: string) => void
  error?: string | undefined
  /** Focus the first field on open (when nothing comes before it). */
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <LtrPasswordInput
        label={t('auth.newPassword')}
        description={t('auth.passwordHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="new-password"
        error={error}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
      />
      <LtrPasswordInput
        label={t('auth.confirmPassword')}
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        autoComplete="new-password"
        error={confirm && confirm !== value ? t('validation.password_mismatch') : undefined}
      />
    </Stack>
  )
}
