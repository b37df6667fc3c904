import { Alert, Button, Group, List, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListFilter } from '@shared/artisans/list'
import { DRILL_FIGURES, drillCountIs, type DrillFigure } from '@shared/reports/drill'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { drillConditions, withoutDrill } from './drill-conditions'

/**
 * Above the artisans list opened from a dashboard figure: which figure, the conditions it
 * adds, whether the list may hold fewer rows than the figure (one row per artisan), a way
 * back to the dashboard and one to the whole list. The list opens at its top, title and
 * banner in view, however far down the dashboard the figure was (the list keeps its own
 * scroll position inside its box).
 */
export function DrillBanner({ filter, figure }: { filter: ListFilter; figure: string | null }) {
  const { t, i18n } = useTranslation()
  const ref = useReference()
  const conditions = drillConditions(filter, t, i18n.language, ref)
  const known = DRILL_FIGURES.find((f) => f === figure) as DrillFigure | undefined
  const shown = known !== undefined || conditions.length > 0
  useEffect(() => {
    if (shown) window.scrollTo({ top: 0 })
  }, [shown])
  if (!shown) return null
  return (
    <Alert color="blue" variant="light" data-testid="drill-banner" title={t('drill.title')}>
      {known && (
        <Text size="sm" fw={500}>
          {t('drill.figure', { figure: t(`drill.figures.${known.replace('.', '_')}`) })}
        </Text>
      )}
      {conditions.length > 0 && (
        <List size="sm" spacing={2} mt={4}>
          {conditions.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      )}
      {known && drillCountIs(known) === 'at_most' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('drill.atMost')}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="light" onClick={() => window.history.back()}>
          {t('drill.back')}
        </Button>
        {conditions.length > 0 && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              navigate(hrefOf.section('artisans', { filter: JSON.stringify(withoutDrill(filter)) }))
            }
          >
            {t('drill.clear')}
          </Button>
        )}
      </Group>
    </Alert>
  )
}
