import { Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '@shared/settings/language'
import { LanguageSwitcher } from '../components/LanguageSwitcher'

/** The frame of the screens shown before the desk opens: login, first administrator, new password. */
export function AuthScreen({
  title,
  subtitle,
  language,
  onLanguage,
  children,
}: {
  title: string
  subtitle?: string
  language: Language
  onLanguage: (l: Language) => Promise<void>
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Container size={480} py={64}>
      <Paper withBorder shadow="sm" p="xl" component="main" id="main">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('app.name')}
              </Text>
              <Title order={1} size="h3">
                {title}
              </Title>
            </Stack>
            <LanguageSwitcher value={language} onChange={(l) => void onLanguage(l)} />
          </Group>
          {subtitle && <Text c="dimmed">{subtitle}</Text>}
          {children}
        </Stack>
      </Paper>
    </Container>
  )
}
