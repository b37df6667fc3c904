import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalView } from '@shared/approvals/approval'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { displayNames } from '../artisans/display'
import { Ltr } from '../components/Ltr'
import { when } from './when'

/**
 * On the counter's home: the files a supervisor returned to the person at the desk, with
 * the comment saying what to correct. Nothing at all when none is returned.
 */
export function ReturnedFiles() {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<ApprovalView[]>([])
  useEffect(() => {
    api.call('approvals.list', { status: 'returned', mine: true }).then(
      (list) => setItems(list.items),
      () => setItems([]),
    )
  }, [])
  if (items.length === 0) return null
  return (
    <Paper withBorder p="md" data-testid="returned-files">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('approvals.returnedTitle')}
        </Title>
        {items.map((a) => {
          const names = displayNames({ ...a.artisan, organisationName: '' }, i18n.language)
          return (
            <Group key={a.id} justify="space-between" wrap="nowrap" data-testid="returned-file">
              <Stack gap={2}>
                <Group gap="xs">
                  <Anchor href={hrefOf.artisan(a.artisanId)} fw={600}>
                    {names.primary || a.artisanId}
                  </Anchor>
                  {a.artisan.cin && (
                    <Text size="sm">
                      <Ltr>{a.artisan.cin}</Ltr>
                    </Text>
                  )}
                </Group>
                <Text size="sm" c="orange">
                  {t('approvals.returnedBy', {
                    name: isolate(a.decidedBy?.name ?? ''),
                    comment: isolate(a.comment ?? ''),
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  <Ltr>{when(a.decidedAt)}</Ltr>
                </Text>
              </Stack>
              <Button component="a" size="xs" variant="light" href={hrefOf.artisan(a.artisanId)}>
                {t('approvals.correct')}
              </Button>
            </Group>
          )
        })}
      </Stack>
    </Paper>
  )
}
