import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ArtisanSummary } from '@shared/artisans/records'
import { nameIn, type Reference } from '../app/reference'
import { Ltr } from '../components/Ltr'
import { displayNames, phoneText } from './display'

/**
 * An artisan in a result row, as the counter and the list both show it: names (UI script
 * first), CIN over phone (left to right), commune over main activity.
 */
export interface Lines {
  main: ReactNode
  sub: ReactNode
}

export function summaryLines(a: ArtisanSummary, language: string, ref: Reference | null) {
  const names = displayNames(a, language)
  return {
    names: { main: names.primary, sub: names.secondary },
    ids: { main: <Ltr>{a.cin}</Ltr>, sub: <Ltr>{phoneText(a.phone)}</Ltr> },
    place: {
      main: nameIn(language, ref?.commune.get(a.communeCode ?? '')),
      sub: nameIn(language, ref?.activity.get(a.mainActivity ?? '')),
    },
  }
}

export function TwoLines({
  main,
  sub,
  strong,
  truncate,
}: Lines & { strong?: boolean; truncate?: boolean }) {
  return (
    <>
      <Text size="sm" fw={strong ? 700 : undefined} truncate={truncate}>
        {main}
      </Text>
      <Text size="xs" c="dimmed" truncate={truncate}>
        {sub}
      </Text>
    </>
  )
}
