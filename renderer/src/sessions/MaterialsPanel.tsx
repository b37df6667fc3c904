import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { HANDOUT_TOPICS, SHEET_LANGUAGES } from '@shared/sessions/handout'
import { SESSION_LANGUAGES, type Session } from '@shared/sessions/session'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { PdfPreview } from '../printing/PdfPreview'
import { namedTitle } from '../printing/preview-title'
import { HandoutButtons } from './HandoutButtons'
import { useSessionFile } from './useSessionFile'

/**
 * What the organiser prints for a session: the handouts in the session's languages (all
 * three on demand), the attendance sheet to sign, and the session report.
 */
export function MaterialsPanel({ session }: { session: Session }) {
  const { t } = useTranslation()
  const file = useSessionFile()
  const languages = SESSION_LANGUAGES
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('sessions.materials.handouts')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sessions.materials.handoutsHint')}
          </Text>
          {HANDOUT_TOPICS.map((topic) => (
            <Stack key={topic} gap={4}>
              <Text fw={600} size="sm">
                {t(`sessions.handout.${topic}Long`)}
              </Text>
              <Group gap="lg">
                {languages.map((lang) => (
                  <Group key={lang} gap={4} data-testid={`handout-${topic}-${lang}`}>
                    <HandoutButtons topic={topic} lang={lang} sessionId={session.id} />
                  </Group>
                ))}
              </Group>
            </Stack>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('sessions.materials.sheetAndReport')}
          </Title>
          <Group>
            {SHEET_LANGUAGES.map((lang) => (
              <Button
                key={`sheet-${lang}`}
                variant="light"
                onClick={() =>
                  void file.open(
                    () => api.call('sessions.attendanceSheet', { sessionId: session.id, lang }),
                    namedTitle(
                      t,
                      t('sessions.materials.attendanceSheet', {
                        lang: t(`sessions.language.${lang}`),
                      }),
                      session.title,
                    ),
                  )
                }
              >
                {t('sessions.materials.attendanceSheet', { lang: t(`sessions.language.${lang}`) })}
              </Button>
            ))}
            {SHEET_LANGUAGES.map((lang) => (
              <Button
                key={`report-${lang}`}
                variant="light"
                onClick={() =>
                  void file.open(
                    () => api.call('sessions.report', { sessionId: session.id, lang }),
                    namedTitle(
                      t,
                      t('sessions.materials.report', { lang: t(`sessions.language.${lang}`) }),
                      session.title,
                    ),
                  )
                }
              >
                {t('sessions.materials.report', { lang: t(`sessions.language.${lang}`) })}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
      {file.error && <ErrorAlert error={file.error} />}
      {file.preview && <PdfPreview document={file.preview} onClose={file.close} />}
    </Stack>
  )
}
