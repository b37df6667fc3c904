import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DashboardFilter, TrendBucket } from '@shared/reports/dashboard'
import { drillFilter, type DrillFigure } from '@shared/reports/drill'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { navigate } from '../app/useRoute'
import { ActivityFigures } from './ActivityFigures'
import { DashboardFilters } from './DashboardFilters'
import { dashboardHref, filterFromParams } from './dashboard-route'
import { FunnelCard } from './FunnelCard'
import { localToday } from './period-presets'
import { ReportCard } from './ReportCard'
import { TrendCard } from './TrendCard'
import { useDashboard } from './useDashboard'
import { formatDay } from '@shared/text/dates'

/**
 * The chamber's figures at a glance (issue 8): the path funnel, the period's work and its
 * trend, under the filters kept in the address; every number opens the artisans behind
 * it; the monthly or quarterly report prints from here.
 */
export function DashboardPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation()
  const today = useMemo(() => localToday(), [])
  const filter = useMemo(() => filterFromParams(params, today), [params, today])
  const { shown, loading, error } = useDashboard(filter)
  const data = shown?.data
  const change = (next: DashboardFilter) => navigate(dashboardHref(next))
  const drill = (figure: DrillFigure, bucket?: TrendBucket) => ({
    figure,
    // The filter the figures on screen were counted for, even while new ones are coming.
    filter: drillFilter(shown?.filter ?? filter, figure, bucket),
  })

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('pages.reports.title')}</Title>
        <Group gap="xs">
          {loading && <Loader size="xs" aria-label={t('reports.loading')} />}
          <Badge variant="light" color="gray" data-testid="dashboard-period">
            <Ltr>
              {formatDay(filter.period.from)} → {formatDay(filter.period.to)}
            </Ltr>
          </Badge>
        </Group>
      </Group>
      <DashboardFilters filter={filter} today={today} onChange={change} />
      {error && <ErrorAlert error={error} />}
      {data ? (
        <Stack gap="md" data-testid="dashboard" aria-busy={loading}>
          <ActivityFigures data={data} drill={drill} />
          <FunnelCard data={data} drill={drill} />
          <TrendCard
            trend={data.trend}
            drill={(step, bucket) => drill(`inPeriod.${step}`, bucket)}
          />
        </Stack>
      ) : (
        !error && (
          <Text size="sm" c="dimmed">
            {t('reports.loading')}
          </Text>
        )
      )}
      <ReportCard
        today={today}
        {...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {})}
      />
    </Stack>
  )
}
