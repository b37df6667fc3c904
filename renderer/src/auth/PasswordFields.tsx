import { PasswordInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A new password typed twice; says under the second field when they differ. */
export function PasswordFields({
  value,
  confirm,
  onChange,
  onConfirm,
  error,
}: {
  value: string
  confirm: string
  onChange: (v: string) => void
  onConfirm: (v: string) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('auth.newPassword')}
        description={t('auth.passwordHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="new-password"
        dir="ltr"
        error={error}
      />
      <PasswordInput
        label={t('auth.confirmPassword')}
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        autoComplete="new-password"
        dir="ltr"
        error={confirm && confirm !== value ? t('validation.password_mismatch') : undefined}
      />
    </Stack>
  )
}
