import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DeskProfile } from '@shared/settings/desk-profile'
import type { Language } from '@shared/settings/language'
import { api } from '../api/transport'
import { ChamberFields } from '../chamber/ChamberFields'
import { EMPTY_CHAMBER_FORM, useChamberForm } from '../chamber/useChamberForm'
import { useRegions } from '../chamber/useRegions'
import { ErrorAlert } from '../components/ErrorAlert'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { useState } from 'react'

/** First run: which chamber this desk serves, the desk's name and its language. */
export function SetupPage({
  language,
  onLanguage,
  onDone,
}: {
  language: Language
  onLanguage: (l: Language) => Promise<void>
  onDone: (profile: DeskProfile) => void
}) {
  const { t } = useTranslation()
  const { regions, error: regionsError } = useRegions()
  const form = useChamberForm(EMPTY_CHAMBER_FORM)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setSaving(true)
    let profile: DeskProfile | null = null
    await form.submit(async (request) => {
      profile = await api.call('setup.complete', { ...request, language })
    })
    setSaving(false)
    if (profile) onDone(profile)
  }

  return (
    <Container size="md" py="xl">
      <Paper withBorder shadow="sm" p="xl" component="main" id="main">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Text c="teal" fw={700}>
                  {t('app.name')} · {t('app.tagline')}
                </Text>
                <Title order={1} size="h2">
                  {t('setup.title')}
                </Title>
              </Stack>
              <LanguageSwitcher value={language} onChange={(l) => void onLanguage(l)} />
            </Group>
            <Text c="dimmed">{t('setup.intro')}</Text>
            {regionsError && (
              <ErrorAlert error={regionsError} onRetry={() => window.location.reload()} />
            )}
            <ChamberFields form={form} regions={regions} />
            {form.hasVisibleErrors && (
              <Alert color="red" role="alert">
                {t('setup.fixErrors')}
              </Alert>
            )}
            {form.failure && <ErrorAlert error={form.failure} />}
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={saving}>
                {t('setup.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Container>
  )
}
