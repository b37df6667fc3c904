import { Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { HandoutLanguage, HandoutTopic, PaperSize } from '@shared/sessions/handout'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64 } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'
import { namedTitle } from '../printing/preview-title'

/** Opens a handout in the print preview, A4 or A5, with the session's date and place. */
export function HandoutButtons({
  topic,
  lang,
  sessionId,
}: {
  topic: HandoutTopic
  lang: HandoutLanguage
  sessionId: string | null
}) {
  const { t } = useTranslation()
  const [preview, setPreview] = useState<PreviewDocument | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const open = async (size: PaperSize) => {
    setError(null)
    try {
      const file = await api.call('handouts.print', { topic, lang, size, sessionId })
      setPreview({
        fileName: file.fileName,
        bytes: fromBase64(file.base64),
        title: namedTitle(
          t,
          t('printing.title.handout'),
          `${t(`sessions.handout.${topic}Long`)} (${t(`sessions.language.${lang}`)})`,
        ),
      })
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  return (
    <Group gap="xs">
      <Button variant="light" size="xs" onClick={() => void open('a4')}>
        {t('sessions.handout.printA4', {
          topic: t(`sessions.handout.${topic}`),
          lang: t(`sessions.language.${lang}`),
        })}
      </Button>
      <Button variant="subtle" size="xs" onClick={() => void open('a5')}>
        {t('sessions.handout.printA5')}
      </Button>
      {error && <ErrorAlert error={error} />}
      {preview && <PdfPreview document={preview} onClose={() => setPreview(null)} />}
    </Group>
  )
}
