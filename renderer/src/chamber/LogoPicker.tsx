import { Button, FileButton, Group, Input, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LOGO_MAX_BYTES } from '@shared/settings/desk-profile'

/** Reads a PNG/JPEG into a data URL after checking its type, size and that it decodes. */
function readLogo(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    if (file.type !== 'image/png' && file.type !== 'image/jpeg')
      return reject(new Error('validation.logo_format'))
    if (file.size > LOGO_MAX_BYTES) return reject(new Error('validation.logo_size'))
    const reader = new FileReader()
    reader.onerror = () => reject(new Error('validation.logo_unreadable'))
    reader.onload = () => {
      const url = String(reader.result)
      const img = new Image()
      img.onload = () => resolve(url)
      img.onerror = () => reject(new Error('validation.logo_unreadable'))
      img.src = url
    }
    reader.readAsDataURL(file)
  })
}

export function LogoPicker({
  value,
  onChange,
  error,
  chamberName,
}: {
  value: string | null
  onChange: (logo: string | null) => void
  error: string | undefined
  chamberName: string
}) {
  const { t } = useTranslation()
  const [localError, setLocalError] = useState<string | null>(null)
  const shown = localError ? t(localError) : error

  return (
    <Input.Wrapper label={t('chamber.logo')} description={t('chamber.logoHint')} error={shown}>
      <Stack gap="xs" mt={4}>
        {value && (
          <img
            className="logo-preview"
            src={value}
            alt={t('chamber.logoAlt', { name: chamberName })}
          />
        )}
        <Group gap="xs">
          <FileButton
            accept="image/png,image/jpeg"
            onChange={(file) => {
              if (!file) return
              readLogo(file).then(
                (url) => {
                  setLocalError(null)
                  onChange(url)
                },
                (e: Error) => setLocalError(e.message),
              )
            }}
          >
            {(props) => (
              <Button variant="default" size="xs" {...props} data-testid="logo-pick">
                {t('chamber.logoPick')}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
              {t('chamber.logoRemove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  )
}
