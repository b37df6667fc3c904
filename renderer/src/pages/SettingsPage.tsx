import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AboutPanel } from '../about/AboutPanel'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { ChamberFields } from '../chamber/ChamberFields'
import { useChamberForm, type ChamberFormValues } from '../chamber/useChamberForm'
import { useRegions } from '../chamber/useRegions'
import { ErrorAlert } from '../components/ErrorAlert'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { PrintingSettings } from '../printing/PrintingSettings'
import { SecuritySettings } from '../auth/SecuritySettings'
import { ApprovalSettings } from '../approvals/ApprovalSettings'
import { RecoveryCard } from '../setup/RecoveryCard'
import { formatMoroccanPhone } from '@shared/validation/phone'

/** Settings: the chamber and desk (as at setup), the language, and facts about this desk. */
export function SettingsPage() {
  const { t } = useTranslation()
  const { profile, setProfile, language, changeLanguage } = useDesk()
  const { regions, error: regionsError } = useRegions()
  const initial: ChamberFormValues = {
    ...profile.chamber,
    phone: formatMoroccanPhone(profile.chamber.phone),
    deskName: profile.deskName,
  }
  const form = useChamberForm(initial)
  const [saved, setSaved] = useState(false)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setSaving(true)
    setSaved(false)
    const ok = await form.submit(async (request) => {
      setProfile(await api.call('settings.updateChamber', request))
    })
    setSaving(false)
    setSaved(ok)
  }

  return (
    <Stack gap="lg" maw={860}>
      <Title order={2}>{t('settings.title')}</Title>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('settings.languageTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.languageHint')}
          </Text>
          <LanguageSwitcher value={language} onChange={(l) => void changeLanguage(l)} />
        </Stack>
      </Paper>

      <PrintingSettings />
      <SecuritySettings />
      <ApprovalSettings />
      <RecoveryCard />

      <Paper withBorder p="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <Stack gap="md">
            <Title order={3} size="h4">
              {t('settings.chamberTitle')}
            </Title>
            {regionsError && <ErrorAlert error={regionsError} />}
            <ChamberFields form={form} regions={regions} />
            {form.failure && <ErrorAlert error={form.failure} />}
            {saved && (
              <Alert color="teal" role="status">
                {t('settings.saved')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={saving}>
                {t('settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <AboutPanel />
    </Stack>
  )
}
