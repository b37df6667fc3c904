import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ListFilter } from '@shared/artisans/list'
import type { DrillFigure } from '@shared/reports/drill'
import { hrefOf } from '../app/sections'
import { formatCount } from './format'

/** A figure of the dashboard and the artisans list's filter behind it. */
export interface Drill {
  figure: DrillFigure
  filter: ListFilter
}

/** The artisans list showing the files behind a figure (and exporting them). */
export function drillHref({ figure, filter }: Drill): string {
  return hrefOf.section('artisans', { filter: JSON.stringify(filter), figure })
}

/**
 * A figure of the dashboard, as a link to the artisans behind it; a zero has no one behind
 * it and is plain text.
 */
export function DrillNumber({
  value,
  drill,
  label,
  size = 'sm',
  testId,
}: {
  value: number
  /** What opens the artisans behind the figure; none when it is not about artisans. */
  drill: Drill | null
  /** What the figure counts, for screen readers: "Registered in the RNA: 1.204". */
  label: string
  size?: 'sm' | 'xl'
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const text = formatCount(value, i18n.language)
  const common = { size, fw: size === 'xl' ? 700 : 500, dir: 'ltr', 'data-testid': testId } as const
  if (!drill || value === 0)
    return (
      <Text {...common} span>
        {text}
      </Text>
    )
  return (
    <Anchor
      {...common}
      href={drillHref(drill)}
      aria-label={t('reports.drill.label', { label, value: text })}
      title={t('reports.drill.title')}
    >
      {text}
    </Anchor>
  )
}
