import { Alert, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDesk } from '../app/desk-context'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, BANK_STATUSES, COVER_STATUSES } from '@shared/artisans/enums'
import { ListFilterSchema, type ListFilter } from '@shared/artisans/list'
import { isIsoDay } from '@shared/text/dates'
import { nameIn, useReference } from '../app/reference'
import { entryState, patchEntry } from '../app/desk-history'
import { hrefOf } from '../app/sections'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import { DrillBanner } from './DrillBanner'
import { ExportPanel } from './ExportPanel'
import { ImportPanel } from './ImportPanel'
import { PathBadges } from './PathBadges'
import { summaryLines, TwoLines } from './SummaryLines'
import { useArtisanPages } from './useArtisanPages'
import { VirtualList } from './VirtualList'

const RNA = ['identified', 'pending', 'submitted', 'registered', 'rejected'] as const

/** The filter a drill-down from the dashboard put in the address, or null if it does not read. */
function filterFromParams(params: URLSearchParams): ListFilter | null {
  try {
    const parsed = ListFilterSchema.safeParse(JSON.parse(params.get('filter') ?? '{}'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * All artisans, filtered by territory, activity, actor type, path state and creation date,
 * or by the figure of the dashboard that opened the list; virtualised; exported as shown.
 */
export function ArtisansPage({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const lang = i18n.language
  const ref = useReference()
  const [fromAddress] = useState(() => filterFromParams(params))
  const [filter, setFilter] = useState<ListFilter>(fromAddress ?? {})
  const [refresh, setRefresh] = useState(0)
  const onImported = useCallback(() => setRefresh((r) => r + 1), [])
  const { items, count, loadMore, hasMore } = useArtisanPages(filter, refresh)

  // The filter and the scroll position stay with this history entry: Back from a file
  // returns to the list as it was left.
  const [initialScroll] = useState(() => entryState().listScroll ?? 0)
  const scrollTimer = useRef<number | undefined>(undefined)
  const onScrollTop = useCallback((top: number, leaving = false) => {
    window.clearTimeout(scrollTimer.current)
    if (leaving) patchEntry({ listScroll: top })
    else scrollTimer.current = window.setTimeout(() => patchEntry({ listScroll: top }), 150)
  }, [])
  useEffect(() => () => window.clearTimeout(scrollTimer.current), [])
  const figure = params.get('figure')
  useEffect(() => {
    const query: Record<string, string> = {}
    if (Object.keys(filter).length > 0) query.filter = JSON.stringify(filter)
    if (figure) query.figure = figure
    const href = hrefOf.section('artisans', query)
    if (href !== window.location.hash) patchEntry({ listScroll: 0 }, href)
  }, [filter, figure])

  const set = <K extends keyof ListFilter>(key: K, value: ListFilter[K] | null) =>
    setFilter((f) => {
      const next = { ...f }
      if (value) next[key] = value
      else delete next[key]
      if (key === 'regionCode') delete next.provinceCode
      if (key === 'regionCode' || key === 'provinceCode') delete next.communeCode
      return next
    })
  const enumOptions = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))
  const provinces = useMemo(
    () =>
      (ref?.provinces ?? [])
        .filter((p) => !filter.regionCode || p.regionCode === filter.regionCode)
        .map((p) => ({ value: p.code, label: nameIn(lang, p) })),
    [ref, filter.regionCode, lang],
  )
  const communes = useMemo(
    () =>
      (ref?.communes ?? [])
        .filter((c) => c.provinceCode === filter.provinceCode)
        .map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [ref, filter.provinceCode, lang],
  )
  const activities = useMemo(
    () => (ref?.activities ?? []).map((a) => ({ value: a.code, label: nameIn(lang, a) })),
    [ref, lang],
  )
  const select = (
    key: keyof ListFilter,
    label: string,
    data: { value: string; label: string }[],
  ) => (
    <ChoiceSelect
      label={label}
      data={data}
      value={(filter[key] as string | undefined) ?? null}
      onChange={(v) => set(key, v as never)}
      clearable
      searchable
      size="xs"
      placeholder={t('list.all')}
    />
  )

  const day = (key: 'createdFrom' | 'createdTo', label: string) => (
    <DateField
      label={label}
      size="xs"
      value={filter[key] ?? ''}
      onChange={(v) => {
        if (!v || isIsoDay(v)) set(key, v || null)
      }}
    />
  )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('pages.artisans.title')}</Title>
        <Group gap="sm">
          <Text size="sm" data-testid="list-count">
            {count === null ? '…' : t('counter.results', { count })}
          </Text>
          {allows('export.start') && <ExportPanel filter={filter} count={count} />}
        </Group>
      </Group>
      {fromAddress === null && (
        <Alert color="orange" role="alert">
          {t('drill.unreadable')}
        </Alert>
      )}
      <DrillBanner filter={filter} figure={params.get('figure')} />
      {allows('import.start') && <ImportPanel onImported={onImported} />}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        {select(
          'regionCode',
          t('chamber.region'),
          (ref?.regions ?? []).map((r) => ({ value: r.code, label: nameIn(lang, r) })),
        )}
        {select('provinceCode', t('register.province'), provinces)}
        {select('communeCode', t('register.commune'), communes)}
        {select('activity', t('artisan.mainActivity'), activities)}
        {select('actorType', t('artisan.actorType'), enumOptions(ACTOR_TYPES, 'enums.actorType'))}
        {select('rnaStatus', t('list.rnaStatus'), enumOptions(RNA, 'enums.rnaStatus'))}
        {select(
          'coverStatus',
          t('list.coverStatus'),
          enumOptions(COVER_STATUSES, 'enums.coverStatus'),
        )}
        {select('bankStatus', t('list.bankStatus'), enumOptions(BANK_STATUSES, 'enums.bankStatus'))}
        {day('createdFrom', t('list.createdFrom'))}
        {day('createdTo', t('list.createdTo'))}
      </SimpleGrid>
      <VirtualList
        items={items}
        rowHeight={56}
        height={560}
        label={t('pages.artisans.title')}
        onNearEnd={loadMore}
        hasMore={hasMore}
        initialScrollTop={initialScroll}
        onScrollTop={onScrollTop}
        rowHref={(a) => hrefOf.artisan(a.id)}
        renderRow={(a) => {
          const lines = summaryLines(a, lang, ref)
          return (
            <Group gap="md" wrap="nowrap" w="100%">
              <Stack gap={0} miw={0} style={{ flex: 2 }}>
                <TwoLines {...lines.names} strong truncate />
              </Stack>
              <Stack gap={0} style={{ flex: 1 }}>
                <TwoLines {...lines.ids} />
              </Stack>
              <Stack gap={0} miw={0} style={{ flex: 2 }}>
                <TwoLines {...lines.place} truncate />
              </Stack>
              <div style={{ flex: 2 }}>
                <PathBadges artisan={a} />
              </div>
            </Group>
          )
        }}
      />
    </Stack>
  )
}
