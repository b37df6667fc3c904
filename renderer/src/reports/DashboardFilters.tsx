import { Button, Group, Paper, SimpleGrid } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, SEXES } from '@shared/artisans/enums'
import { AGE_BANDS, type AgeBand, type DashboardFilter } from '@shared/reports/dashboard'
import { isIsoDay } from '@shared/text/dates'
import { useDesk } from '../app/desk-context'
import { nameIn, useReference } from '../app/reference'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import { PRESETS, presetOf, presetPeriod, type Preset } from './period-presets'

type Key = Exclude<keyof DashboardFilter, 'period'>

/** Translation keys of the age bands (the codes hold `<` and `+`). */
export const AGE_KEY: Record<AgeBand, string> = {
  '<25': 'under25',
  '25-34': 'from25',
  '35-44': 'from35',
  '45-54': 'from45',
  '55-64': 'from55',
  '65+': 'over65',
}

/**
 * The dashboard's filters: a period (a named one or two days), the chamber's provinces and
 * their communes, branch and activity, actor type, sex and age band. Choosing a wider
 * place or branch clears the narrower choice under it.
 */
export function DashboardFilters({
  filter,
  today,
  onChange,
}: {
  filter: DashboardFilter
  today: string
  onChange: (next: DashboardFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const ref = useReference()
  const { profile } = useDesk()

  const set = (key: Key, value: string | null) => {
    const next = { ...filter } as Record<string, unknown>
    if (value) next[key] = value
    else delete next[key]
    if (key === 'provinceCode') delete next.communeCode
    if (key === 'branch') delete next.activity
    onChange(next as DashboardFilter)
  }
  // A day past the other end moves that end too: the period never turns inside out.
  const setDay = (end: 'from' | 'to', value: string) => {
    if (!isIsoDay(value)) return
    const period = { ...filter.period, [end]: value }
    if (period.from > period.to) period[end === 'from' ? 'to' : 'from'] = value
    onChange({ ...filter, period })
  }

  const provinces = useMemo(
    () =>
      (ref?.provinces ?? [])
        .filter((p) => p.regionCode === profile.chamber.regionCode)
        .map((p) => ({ value: p.code, label: nameIn(lang, p) })),
    [ref, profile.chamber.regionCode, lang],
  )
  const communes = useMemo(
    () =>
      (ref?.communes ?? [])
        .filter((c) => c.provinceCode === filter.provinceCode)
        .map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [ref, filter.provinceCode, lang],
  )
  const branches = useMemo(() => {
    const seen = new Map<string, string>()
    for (const a of ref?.activities ?? [])
      if (!seen.has(a.branchCode)) seen.set(a.branchCode, lang === 'ar' ? a.branchAr : a.branchFr)
    return [...seen].map(([value, label]) => ({ value, label }))
  }, [ref, lang])
  const activities = useMemo(
    () =>
      (ref?.activities ?? [])
        .filter((a) => !filter.branch || a.branchCode === filter.branch)
        .map((a) => ({ value: a.code, label: nameIn(lang, a) })),
    [ref, filter.branch, lang],
  )
  const enumOptions = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))
  const select = (key: Key, label: string, data: { value: string; label: string }[]) => (
    <ChoiceSelect
      label={label}
      data={data}
      value={filter[key] ?? null}
      onChange={(v) => set(key, v)}
      clearable
      searchable
      size="xs"
      placeholder={t('list.all')}
    />
  )
  const preset = presetOf(filter.period, today)

  return (
    <Paper withBorder p="sm" className="no-print">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <ChoiceSelect
          label={t('reports.filter.period')}
          data={PRESETS.map((p) => ({ value: p, label: t(`reports.preset.${p}`) }))}
          value={preset}
          placeholder={t('reports.preset.custom')}
          onChange={(p) => p && onChange({ ...filter, period: presetPeriod(p as Preset, today) })}
          size="xs"
        />
        <DateField
          label={t('reports.filter.from')}
          size="xs"
          value={filter.period.from}
          onChange={(v) => setDay('from', v)}
        />
        <DateField
          label={t('reports.filter.to')}
          size="xs"
          value={filter.period.to}
          onChange={(v) => setDay('to', v)}
        />
        {select('provinceCode', t('register.province'), provinces)}
        {select('communeCode', t('register.commune'), communes)}
        {select('branch', t('reports.filter.branch'), branches)}
        {select('activity', t('artisan.mainActivity'), activities)}
        {select('actorType', t('artisan.actorType'), enumOptions(ACTOR_TYPES, 'enums.actorType'))}
        {select('sex', t('register.sex'), enumOptions(SEXES, 'enums.sex'))}
        {select(
          'ageBand',
          t('reports.filter.ageBand'),
          AGE_BANDS.map((b) => ({ value: b, label: t(`reports.ageBand.${AGE_KEY[b]}`) })),
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button
          variant="subtle"
          size="xs"
          onClick={() => onChange({ period: filter.period })}
          disabled={Object.keys(filter).length === 1}
        >
          {t('reports.filter.clear')}
        </Button>
      </Group>
    </Paper>
  )
}
