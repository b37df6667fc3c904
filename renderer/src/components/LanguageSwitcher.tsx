import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/settings/language'

/** Each language is named in itself, so a clerk can find theirs whatever is shown. */
export function LanguageSwitcher({
  value,
  onChange,
}: {
  value: Language
  onChange: (language: Language) => void
}) {
  const { t } = useTranslation()
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={value}
      onChange={(v) => onChange(v as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  )
}
