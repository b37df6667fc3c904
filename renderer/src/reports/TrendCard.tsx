import { BarChart } from '@mantine/charts'
import { Group, Paper, SegmentedControl, Stack, Table, Title, useDirection } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dashboard, TrendBucket } from '@shared/reports/dashboard'
import { bucketLabel } from './bucket-label'
import { DrillNumber, type Drill } from './DrillNumber'
import type { InPeriodStep } from './FunnelCard'
import { formatCount } from './format'

const SERIES: { step: InPeriodStep; color: string }[] = [
  { step: 'identified', color: 'gray.6' },
  { step: 'registered', color: 'teal.7' },
  { step: 'cnssPreRegistered', color: 'blue.7' },
  { step: 'amoCovered', color: 'indigo.9' },
  { step: 'banked', color: 'orange.7' },
]

/**
 * Files created and path steps taken, week by week (periods up to 92 days) or month by
 * month; time runs in the reading direction. The same figures as a table, each number
 * opening the artisans behind it.
 */
export function TrendCard({
  trend,
  drill,
}: {
  trend: Dashboard['trend']
  drill: (step: InPeriodStep, bucket: TrendBucket) => Drill
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const rtl = useDirection().dir === 'rtl'
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const label = (s: InPeriodStep) => t(`reports.step.${s}`)
  const rows = trend.buckets.map((b) => ({ ...b, name: bucketLabel(b, trend.unit, lang) }))

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t(`reports.trend.title_${trend.unit}`)}
          </Title>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('reports.trend.chart') },
              { value: 'table', label: t('reports.trend.table') },
            ]}
          />
        </Group>
        {view === 'chart' ? (
          <BarChart
            h={320}
            data={rows}
            dataKey="name"
            series={SERIES.map((s) => ({ name: s.step, label: label(s.step), color: s.color }))}
            barProps={{ isAnimationActive: false }}
            valueFormatter={(v) => formatCount(v, lang)}
            xAxisProps={{ reversed: rtl }}
            yAxisProps={{
              orientation: rtl ? 'right' : 'left',
              allowDecimals: false,
              tickMargin: rtl ? 20 : 4,
            }}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            tooltipAnimationDuration={0}
            aria-label={t('reports.trend.chartLabel')}
            data-testid="trend-chart"
          />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder data-testid="trend-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`reports.trend.${trend.unit}`)}</Table.Th>
                  {SERIES.map((s) => (
                    <Table.Th key={s.step}>{label(s.step)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.label}>
                    <Table.Td>
                      <span dir="auto">{b.name}</span>
                    </Table.Td>
                    {SERIES.map((s) => (
                      <Table.Td key={s.step}>
                        <DrillNumber
                          value={b[s.step]}
                          drill={drill(s.step, b)}
                          label={`${label(s.step)} — ${b.name}`}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  )
}
