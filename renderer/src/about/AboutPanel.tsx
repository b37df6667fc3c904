import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SystemInfo } from '@shared/api/contract'
import { api } from '../api/transport'
import { formatMs } from '../reports/format'
import { lastSearchTime } from './last-search'

/**
 * Settings › About this desk: the facts an assistant asks for and a clerk never needs on
 * a working screen or on paper — the application and database versions, how the app runs
 * (desktop or browser host), where its data lives, the key that signs certificates' QR
 * codes, the last counter search's time, what waits in the audit log and the outbox.
 */
export function AboutPanel() {
  const { t, i18n } = useTranslation()
  const [info, setInfo] = useState<SystemInfo | null>(null)
  const [signingKey, setSigningKey] = useState<string | null>(null)
  const search = lastSearchTime()

  useEffect(() => {
    api.call('system.info', {}).then(setInfo, () => setInfo(null))
    api.call('signing.keys', {}).then(
      (keys) => setSigningKey(keys.find((k) => k.canSign && !k.retiredAt)?.id ?? null),
      () => setSigningKey(null),
    )
  }, [])

  if (!info) return null
  const lang = i18n.language
  return (
    <Paper withBorder p="lg" id="about" data-testid="about">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.aboutTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('about.intro')}
        </Text>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Row label={t('settings.appVersion')} value={info.appVersion} ltr />
            <Row label={t('settings.transport')} value={t(`app.transport.${info.transport}`)} />
            <Row label={t('settings.schemaVersion')} value={String(info.schemaVersion)} ltr />
            <Row label={t('settings.dataDir')} value={info.dataDir} ltr testId="about-data-dir" />
            <Row
              label={t('about.signingKey')}
              value={signingKey ?? t('about.none')}
              ltr={signingKey !== null}
              testId="about-signing-key"
            />
            <Row
              label={t('about.lastSearch')}
              value={
                search
                  ? t('about.searchTime', {
                      ms: formatMs(search.ms, lang),
                      kind: t(`counter.kind.${search.kind}`),
                    })
                  : t('about.noSearch')
              }
              testId="about-last-search"
            />
            <Row label={t('about.engine')} value={`SQLite ${info.sqlite} · ${info.cipher}`} ltr />
            <Row
              label={t('about.runtime')}
              value={`Node ${info.node}${info.electron ? ` · Electron ${info.electron}` : ''}`}
              ltr
            />
          </Table.Tbody>
        </Table>
        <Text size="sm" data-testid="audit-count">
          {t('settings.auditEntries', { count: info.counts.auditEntries ?? 0 })}
        </Text>
        <Text size="sm">
          {t('settings.outboxEntries', { count: info.counts.outboxPending ?? 0 })}
        </Text>
      </Stack>
    </Paper>
  )
}

function Row({
  label,
  value,
  ltr,
  testId,
}: {
  label: string
  value: string
  ltr?: boolean
  testId?: string
}) {
  return (
    <Table.Tr>
      <Table.Th w={220}>{label}</Table.Th>
      <Table.Td data-testid={testId}>
        <span dir={ltr ? 'ltr' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </span>
      </Table.Td>
    </Table.Tr>
  )
}
