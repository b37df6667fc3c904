import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { formatInstant } from '@shared/text/dates'
import { onKeptDraft } from './draft-keeper'

/** The registrations this person saved half-way (or left) on this desk, to resume. */
export function DraftList() {
  const { t } = useTranslation()
  const [drafts, setDrafts] = useState<{ id: string; label: string; updatedAt: string }[]>([])
  useEffect(() => {
    const load = () => void api.call('drafts.list', {}).then(setDrafts, () => setDrafts([]))
    load()
    // A registration just left is being kept: list it once it is saved.
    return onKeptDraft(load)
  }, [])
  if (drafts.length === 0) return null
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('counter.drafts')}
        </Title>
        {drafts.map((d) => (
          <Group key={d.id} justify="space-between" data-testid="draft-row">
            <Text size="sm">
              {d.label || t('register.untitledDraft')} ·{' '}
              <span dir="ltr">{formatInstant(d.updatedAt)}</span>
            </Text>
            <Button component="a" size="xs" variant="light" href={hrefOf.register({ draft: d.id })}>
              {t('counter.openDraft')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
