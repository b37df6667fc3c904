import { BarChart } from '@mantine/charts'
import { Paper, SimpleGrid, Stack, Table, Text, Title, useDirection } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '@shared/reports/dashboard'
import { FUNNEL_STEPS, funnelRate, RATE_BASE, type FunnelStep } from '@shared/reports/rates'
import { DrillNumber, type Drill } from './DrillNumber'
import { formatCount, formatRate } from './format'

/**
 * The artisan's path for the files matching the filter: where they stand today (with each
 * step's rate over the step before it) and the steps taken in the period, as bars and as
 * a table whose every number opens the artisans behind it.
 */
export function FunnelCard({
  data,
  drill,
}: {
  data: Dashboard
  drill: (figure: `funnel.${FunnelStep}` | `inPeriod.${InPeriodStep}`) => Drill
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const rtl = useDirection().dir === 'rtl'
  const label = (s: FunnelStep) => t(`reports.step.${s}`)
  const bars = FUNNEL_STEPS.map((s) => ({
    step: t(`reports.stepShort.${s}`),
    count: data.funnel[s],
  }))

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('reports.funnel.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <BarChart
            h={280}
            data={bars}
            dataKey="step"
            orientation="vertical"
            series={[{ name: 'count', label: t('reports.funnel.today'), color: 'teal.7' }]}
            barProps={{ isAnimationActive: false }}
            withBarValueLabel
            valueFormatter={(v) => formatCount(v, lang)}
            xAxisProps={{ reversed: rtl }}
            yAxisProps={{
              width: 140,
              orientation: rtl ? 'right' : 'left',
              tickMargin: rtl ? 20 : 4,
            }}
            gridAxis="x"
            withTooltip={false}
            aria-label={t('reports.funnel.chartLabel')}
            data-testid="funnel-chart"
          />
          <Table striped withTableBorder data-testid="funnel-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.funnel.step')}</Table.Th>
                <Table.Th>{t('reports.funnel.today')}</Table.Th>
                <Table.Th>{t('reports.funnel.rate')}</Table.Th>
                <Table.Th>{t('reports.funnel.inPeriod')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {FUNNEL_STEPS.map((s) => {
                const base = RATE_BASE[s]
                const inPeriod = s === 'otherCover' ? null : data.inPeriod[s]
                return (
                  <Table.Tr key={s} data-testid={`funnel-${s}`}>
                    <Table.Td>{label(s)}</Table.Td>
                    <Table.Td>
                      <DrillNumber
                        value={data.funnel[s]}
                        drill={drill(`funnel.${s}`)}
                        label={label(s)}
                        testId={`funnel-${s}-today`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" span dir="ltr">
                        {formatRate(funnelRate(data.funnel, s), lang)}
                      </Text>
                      {base && (
                        <Text size="xs" c="dimmed" span>
                          {' '}
                          {t(`reports.funnel.over_${base}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {inPeriod === null ? (
                        <Text size="sm" c="dimmed" span>
                          —
                        </Text>
                      ) : (
                        <DrillNumber
                          value={inPeriod}
                          drill={drill(`inPeriod.${s as InPeriodStep}`)}
                          label={`${label(s)} — ${t('reports.funnel.inPeriod')}`}
                          testId={`funnel-${s}-period`}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('reports.funnel.note')}
        </Text>
      </Stack>
    </Paper>
  )
}

export type InPeriodStep = Exclude<FunnelStep, 'otherCover'>
