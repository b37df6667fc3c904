import { Alert, Button, Group, Text } from '@mantine/core'
import { isolate } from '@shared/text/bidi'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hrefOf } from '../app/sections'
import { keptDraft, onKeptDraft, setKeptDraft } from './draft-keeper'

/**
 * On the counter, after the clerk left a half-filled registration: "kept as a draft",
 * with Resume. Shown on the counter screen that follows, then gone (the draft stays in
 * the list of drafts).
 */
export function DraftKeptNotice() {
  const { t } = useTranslation()
  const [kept, setKept] = useState(keptDraft)
  useEffect(() => {
    const off = onKeptDraft(() => setKept(keptDraft()))
    setKept(keptDraft())
    return () => {
      off()
      setKeptDraft(null)
    }
  }, [])
  if (!kept) return null
  return (
    <Alert
      color="teal"
      role="status"
      data-testid="draft-kept"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => setKeptDraft(null)}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {kept.label
            ? t('counter.draftKept', { label: isolate(kept.label) })
            : t('counter.draftKeptUntitled')}
        </Text>
        {kept.id && (
          <Button component="a" size="xs" href={hrefOf.register({ draft: kept.id })}>
            {t('counter.openDraft')}
          </Button>
        )}
      </Group>
    </Alert>
  )
}
