import { Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Section } from '../app/sections'

/** A section reached by its address that the person's roles do not open: said plainly. */
export function NotAllowedPage({ section }: { section: Section }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Paper withBorder p="lg">
        <Text data-testid="not-allowed">{t('auth.notAllowed')}</Text>
      </Paper>
    </Stack>
  )
}
