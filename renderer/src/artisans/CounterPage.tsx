import { Button, Group, Kbd, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { isolate } from '@shared/text/bidi'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArtisanSummary, SearchResult } from '@shared/artisans/records'
import { patchEntry } from '../app/desk-history'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { noteSearchTime } from '../about/last-search'
import { ErrorAlert } from '../components/ErrorAlert'
import { registerParamsFrom } from './display'
import { DraftKeptNotice } from './DraftKeptNotice'
import { DraftList } from './DraftList'
import { useDesk } from '../app/desk-context'
import { ReturnedFiles } from '../approvals/ReturnedFiles'
import { UpcomingSessions } from '../sessions/UpcomingSessions'
import { PathBadges } from './PathBadges'
import { summaryLines, TwoLines } from './SummaryLines'
import { useSearch } from './useSearch'

/**
 * The counter: one box, focused on open, results while typing. ↑/↓ choose a result,
 * Enter opens it; when nothing matches, one click registers a new artisan carrying what
 * was typed. Enter typed before the answer arrives (a card reader types the CIN and Enter
 * at once) acts on the answer to that query. The query stays in the address
 * (`#/counter?q=…`), so Back from a file returns to the search as it was.
 */
export function CounterPage({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const [query, setQuery] = useState(() => params.get('q') ?? '')
  const [selected, setSelected] = useState(0)
  const { result, answered, error } = useSearch(query)
  const ref = useReference()
  const input = useRef<HTMLInputElement>(null)
  const pendingEnter = useRef<string | null>(null)
  const items = result?.items ?? []

  useEffect(() => input.current?.focus(), [])
  useEffect(() => setSelected(0), [result])
  // Search timings are for Settings › About, not for the counter's screen.
  useEffect(() => void (result && noteSearchTime(result.tookMs, result.kind)), [result])

  const open = (a: ArtisanSummary | undefined) => a && navigate(hrefOf.artisan(a.id))
  const registerHref = hrefOf.register(registerParamsFrom(query, result?.kind ?? 'name'))
  const canRegister = allows('artisans.register')

  const enter = useCallback(
    (answer: SearchResult | null, q: string, index: number) => {
      const found = answer?.items ?? []
      const chosen = found[index] ?? found[0]
      if (chosen) navigate(hrefOf.artisan(chosen.id))
      else if (canRegister && answer && answer.kind !== 'too_short' && answer.kind !== 'empty')
        navigate(hrefOf.register(registerParamsFrom(q, answer.kind)))
    },
    [canRegister],
  )

  // Enter pressed while the answer was on its way: acted on when that very query is answered.
  useEffect(() => {
    if (pendingEnter.current === null || answered !== query) return
    if (pendingEnter.current === query) enter(result, query, 0)
    pendingEnter.current = null
  }, [answered, query, result, enter])

  const change = (next: string) => {
    setQuery(next)
    pendingEnter.current = null
    patchEntry({}, hrefOf.section('counter', next ? { q: next } : {}))
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, items.length - 1))
    else if (e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0))
    else if (e.key === 'Enter') {
      if (!query.trim()) return
      if (answered !== query) pendingEnter.current = query
      else enter(result, query, selected)
    } else return
    e.preventDefault()
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('counter.title')}</Title>
        {canRegister && (
          <Button component="a" href={hrefOf.register()} variant="light">
            {t('counter.registerNew')}
          </Button>
        )}
      </Group>
      <TextInput
        ref={input}
        size="lg"
        label={t('counter.searchLabel')}
        placeholder={t('counter.searchPlaceholder')}
        value={query}
        onChange={(e) => change(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        classNames={{ input: 'auto-input' }}
        aria-controls="counter-results"
        description={
          <span>
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> <Kbd size="xs">Enter</Kbd> ·{' '}
            {t('counter.keyboardHint')}
          </span>
        }
      />
      {error && <ErrorAlert error={error} />}
      {result && (
        <Group gap="xs" c="dimmed">
          {result.kind === 'too_short' ? (
            <Text size="sm">{t('counter.tooShort')}</Text>
          ) : (
            <>
              <Text size="sm" data-testid="result-count">
                {t(`counter.kind.${result.kind}`)} · {t('counter.results', { count: items.length })}
              </Text>
            </>
          )}
        </Group>
      )}
      {result?.more && (
        <Text size="sm" c="orange">
          {t('counter.more')}
        </Text>
      )}
      {items.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover id="counter-results" aria-label={t('counter.searchLabel')}>
            <Table.Tbody>
              {items.map((a, i) => {
                const lines = summaryLines(a, i18n.language, ref)
                return (
                  <Table.Tr
                    key={a.id}
                    aria-selected={i === selected}
                    bg={i === selected ? 'var(--mantine-color-teal-light)' : undefined}
                    onClick={() => open(a)}
                    style={{ cursor: 'pointer' }}
                    data-testid="search-result"
                  >
                    <Table.Td>
                      <TwoLines {...lines.names} strong />
                    </Table.Td>
                    <Table.Td>
                      <TwoLines {...lines.ids} />
                    </Table.Td>
                    <Table.Td>
                      <TwoLines {...lines.place} />
                    </Table.Td>
                    <Table.Td>
                      <PathBadges artisan={a} />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {result && items.length === 0 && result.kind !== 'too_short' && result.kind !== 'empty' && (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('counter.notFound')}</Text>
            {allows('artisans.register') && (
              <Button component="a" href={registerHref}>
                {t('counter.registerWith', { text: isolate(query.trim()) })}
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      {!query.trim() && <DraftKeptNotice />}
      {!query.trim() && <ReturnedFiles />}
      {!query.trim() && allows('drafts.list') && <DraftList />}
      {!query.trim() && <UpcomingSessions />}
    </Stack>
  )
}
