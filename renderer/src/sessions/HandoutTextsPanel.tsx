import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import {
  HANDOUT_LANGUAGES,
  HANDOUT_TOPICS,
  type HandoutLanguage,
  type HandoutText,
  type HandoutTopic,
} from '@shared/sessions/handout'
import { useDesk } from '../app/desk-context'
import { fieldMessage } from '../forms/field-message'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { HandoutButtons } from './HandoutButtons'

/**
 * The chamber's own words on its handouts: each topic in each language is a title and a
 * body ("# " starts a heading, "- " a bullet). Saved per language; "Back to Sijill's text"
 * restores the text shipped with the app. An empty text is refused.
 */
export function HandoutTextsPanel() {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const [topic, setTopic] = useState<HandoutTopic>('rna')
  const [lang, setLang] = useState<HandoutLanguage>('ar')
  const [text, setText] = useState<HandoutText | null>(null)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const [saved, setSaved] = useState(false)

  const show = useCallback((h: HandoutText) => {
    setText(h)
    setTitle(h.title)
    setBody(h.body)
  }, [])
  useEffect(() => {
    setError(null)
    setSaved(false)
    api.call('handouts.text', { topic, lang }).then(show, (e: unknown) => setError(errorDataOf(e)))
  }, [topic, lang, show])

  const run = async (call: () => Promise<HandoutText>) => {
    setError(null)
    setSaved(false)
    try {
      show(await call())
      setSaved(true)
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  const fieldError = (path: 'title' | 'body') => fieldMessage(t, error, path)
  const changed = text !== null && (title !== text.title || body !== text.body)

  return (
    <Stack gap="sm" maw={900}>
      <Group>
        <SegmentedControl
          aria-label={t('sessions.handout.topic')}
          value={topic}
          onChange={(v) => setTopic(v as HandoutTopic)}
          data={HANDOUT_TOPICS.map((h) => ({ value: h, label: t(`sessions.handout.${h}`) }))}
        />
        <SegmentedControl
          aria-label={t('sessions.handout.language')}
          value={lang}
          onChange={(v) => setLang(v as HandoutLanguage)}
          data={HANDOUT_LANGUAGES.map((l) => ({ value: l, label: t(`sessions.language.${l}`) }))}
        />
        {text && (
          <Badge variant="light" color={text.isDefault ? 'gray' : 'teal'}>
            {t(text.isDefault ? 'sessions.handout.default' : 'sessions.handout.chamberText')}
          </Badge>
        )}
      </Group>
      <TextInput
        label={t('sessions.handout.titleLabel')}
        value={title}
        dir={dir}
        lang={lang}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError('title')}
      />
      <Textarea
        label={t('sessions.handout.body')}
        description={t('sessions.handout.bodyHint')}
        value={body}
        dir={dir}
        lang={lang}
        autosize
        minRows={10}
        maxRows={24}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={fieldError('body')}
        data-testid="handout-body"
      />
      {error && !error.fields?.length && <ErrorAlert error={error} />}
      {saved && (
        <Text c="teal" size="sm" role="status">
          {t('sessions.handout.saved')}
        </Text>
      )}
      <Group justify="space-between">
        <Group display={allows('handouts.setText') ? undefined : 'none'}>
          <Button
            onClick={() =>
              void run(() => api.call('handouts.setText', { topic, lang, title, body }))
            }
            disabled={!changed}
          >
            {t('sessions.handout.save')}
          </Button>
          <Button
            variant="default"
            disabled={text?.isDefault ?? true}
            onClick={() => void run(() => api.call('handouts.resetText', { topic, lang }))}
          >
            {t('sessions.handout.reset')}
          </Button>
        </Group>
        <HandoutButtons topic={topic} lang={lang} sessionId={null} />
      </Group>
    </Stack>
  )
}
