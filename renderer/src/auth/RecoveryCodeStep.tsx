import { Container, Group } from '@mantine/core'
import type { Language } from '@shared/settings/language'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { RecoveryCodePanel } from '../setup/RecoveryCodePanel'

/**
 * Shown once, right after the first administrator is created: the code that recovers
 * the database's key if this computer's user profile is lost — to print and keep away
 * from the desk before going on.
 */
export function RecoveryCodeStep({
  code,
  language,
  onLanguage,
  onDone,
}: {
  code: string
  language: Language
  onLanguage: (l: Language) => Promise<void>
  onDone: () => void
}) {
  return (
    <Container size={720} py={48} component="main" id="main">
      <Group justify="flex-end" mb="sm">
        <LanguageSwitcher value={language} onChange={(l) => void onLanguage(l)} />
      </Group>
      <RecoveryCodePanel code={code} onDone={onDone} />
    </Container>
  )
}
