import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64 } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'
import { BackupDefaultNote } from './BackupDefaultNote'

/**
 * The recovery code of the database key, shown once (first-run setup, or a new code from
 * the settings): six numbered groups, always left to right whatever the language (an
 * error for a typo names the group), the sheet to print (A4, Arabic and French, through
 * the print preview), and no way on until the administrator says it is printed or stored;
 * with it, where the daily backups go (BackupDefaultNote).
 */
export function RecoveryCodePanel({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [stored, setStored] = useState(false)
  const [loading, setLoading] = useState(false)
  const [preview, setPreview] = useState<PreviewDocument | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const groups = code.split('-')

  const print = async () => {
    setError(null)
    setLoading(true)
    try {
      const file = await api.call('recovery.printable', { code })
      setPreview({ fileName: file.fileName, bytes: fromBase64(file.base64) })
    } catch (e) {
      setError(errorDataOf(e))
    } finally {
      setLoading(false)
    }
  }

  return (
    <Paper withBorder shadow="sm" p="xl" data-testid="recovery-code-panel">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('recovery.panel.title')}
        </Title>
        <Text>{t('recovery.panel.intro')}</Text>
        <SimpleGrid
          cols={{ base: 2, sm: 3 }}
          spacing="md"
          dir="ltr"
          aria-label={t('recovery.panel.codeLabel')}
          data-testid="recovery-code"
          data-code={code}
        >
          {groups.map((group, i) => (
            <Stack key={i} gap={2} align="center">
              <Text size="xs" c="dimmed">
                {i + 1}
              </Text>
              <Paper withBorder px="md" py="xs" w="100%">
                <Text
                  ta="center"
                  fw={700}
                  fz={30}
                  ff="monospace"
                  lang="en"
                  style={{ letterSpacing: '0.12em' }}
                  data-testid="recovery-code-group"
                >
                  {group}
                </Text>
              </Paper>
            </Stack>
          ))}
        </SimpleGrid>
        <Alert color="yellow" title={t('recovery.panel.keepTitle')}>
          {t('recovery.panel.keep')}
        </Alert>
        <BackupDefaultNote />
        <Group>
          <Button variant="light" onClick={() => void print()} loading={loading}>
            {t('recovery.panel.print')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        <Checkbox
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
          label={t('recovery.panel.stored')}
          data-testid="recovery-code-stored"
        />
        <Group justify="flex-end">
          <Button size="md" disabled={!stored} onClick={onDone}>
            {t('recovery.panel.continue')}
          </Button>
        </Group>
      </Stack>
      {preview && <PdfPreview document={preview} onClose={() => setPreview(null)} />}
    </Paper>
  )
}
