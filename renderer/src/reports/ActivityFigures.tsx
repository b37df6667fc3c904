import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '@shared/reports/dashboard'
import { hrefOf } from '../app/sections'
import { DrillNumber, type Drill } from './DrillNumber'
import { formatCount } from './format'

export type ActivityFigure =
  'certificates.issued' | 'certificates.cancelled' | 'sessions.attendance' | 'sessions.walkIns'

/**
 * The chamber's own work in the period: certificates issued and cancelled, awareness
 * sessions held, who came and the walk-ins among them.
 */
export function ActivityFigures({
  data,
  drill,
}: {
  data: Dashboard
  drill: (figure: ActivityFigure) => Drill
}) {
  const { t, i18n } = useTranslation()
  const box = (label: string, value: React.ReactNode, hint?: string) => (
    <Paper withBorder p="sm">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {value}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Paper>
  )
  const drilled = (figure: ActivityFigure, value: number, label: string, testId: string) => (
    <DrillNumber value={value} drill={drill(figure)} label={label} size="xl" testId={testId} />
  )
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
      {box(
        t('reports.figures.certificatesIssued'),
        drilled(
          'certificates.issued',
          data.certificates.issued,
          t('reports.figures.certificatesIssued'),
          'figure-certificates-issued',
        ),
      )}
      {box(
        t('reports.figures.certificatesCancelled'),
        drilled(
          'certificates.cancelled',
          data.certificates.cancelled,
          t('reports.figures.certificatesCancelled'),
          'figure-certificates-cancelled',
        ),
      )}
      {box(
        t('reports.figures.sessionsHeld'),
        <Anchor
          href={hrefOf.section('sessions')}
          size="xl"
          fw={700}
          dir="ltr"
          data-testid="figure-sessions-held"
        >
          {formatCount(data.sessions.held, i18n.language)}
        </Anchor>,
        t('reports.figures.sessionsPlace'),
      )}
      {box(
        t('reports.figures.attendance'),
        drilled(
          'sessions.attendance',
          data.sessions.attendance,
          t('reports.figures.attendance'),
          'figure-attendance',
        ),
      )}
      {box(
        t('reports.figures.walkIns'),
        drilled(
          'sessions.walkIns',
          data.sessions.walkIns,
          t('reports.figures.walkIns'),
          'figure-walk-ins',
        ),
      )}
    </SimpleGrid>
  )
}
