import { Group, Paper, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/text/dates'
import { api } from '../api/transport'
import { Ltr } from '../components/Ltr'

type LogLines = Awaited<ReturnType<typeof api.call<'sync.log'>>>
type Line = LogLines[number]

const QUIET_KEY = 'sync.log.quiet'

/**
 * The sync log: consecutive syncs that said the same thing are one line ("no change since
 * 10:02 — 14 syncs", kept so by the service); a sync that refused, met a conflict or
 * failed stands out (a coloured mark) and is what "Needs attention" keeps.
 */
export function SyncLogPanel({ refreshKey }: { refreshKey: string }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<'all' | 'attention'>('all')
  const [log, setLog] = useState<LogLines>([])
  useEffect(() => {
    api
      .call('sync.log', { limit: 50, attention: filter === 'attention' })
      .then(setLog, () => setLog([]))
  }, [refreshKey, filter])

  return (
    <Paper withBorder p="md" data-testid="sync-log">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('sync.logTitle')}
          </Title>
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(v) => setFilter(v === 'attention' ? 'attention' : 'all')}
            data={[
              { value: 'all', label: t('sync.logAll') },
              { value: 'attention', label: t('sync.logAttention') },
            ]}
            data-testid="sync-log-filter"
          />
        </Group>
        {log.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(filter === 'attention' ? 'sync.logAttentionEmpty' : 'sync.logEmpty')}
          </Text>
        )}
        {log.map((line, i) => (
          <LogRow key={`${line.at}-${i}`} line={line} />
        ))}
      </Stack>
    </Paper>
  )
}

function LogRow({ line }: { line: Line }) {
  const { t } = useTranslation()
  const since = formatInstant(line.since)
  const color = line.level === 'error' ? 'red' : line.level === 'warning' ? 'orange' : undefined
  const text =
    line.key === QUIET_KEY ? t(QUIET_KEY, { count: line.count, since }) : t(line.key, line.params)
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="sync-log-line"
      data-level={line.level}
    >
      <Text size="xs" c="dimmed" miw={120}>
        <Ltr>{formatInstant(line.at)}</Ltr>
      </Text>
      {line.attention && (
        <ThemeIcon size={18} radius="xl" color={color} aria-hidden>
          <Text size="xs" fw={700} c="white">
            !
          </Text>
        </ThemeIcon>
      )}
      <Text size="sm" c={color} fw={line.attention ? 600 : undefined}>
        {text}
        {line.key !== QUIET_KEY && line.count > 1 && (
          <Text span size="xs" c="dimmed">
            {' — '}
            {t('sync.log.repeated', { count: line.count, since })}
          </Text>
        )}
      </Text>
    </Group>
  )
}
