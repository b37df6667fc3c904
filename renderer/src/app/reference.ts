import { useEffect, useState } from 'react'
import type { ActivityRef, CommuneRef, ProvinceRef } from '@shared/reference/lookups'
import type { Region } from '@shared/reference/regions'
import { api } from '../api/transport'

/**
 * Reference data (regions, provinces, communes, activities), loaded once per window and
 * shared by every form and list, with lookups by code.
 */
export interface Reference {
  regions: Region[]
  provinces: ProvinceRef[]
  communes: CommuneRef[]
  activities: ActivityRef[]
  region: Map<string, Region>
  province: Map<string, ProvinceRef>
  commune: Map<string, CommuneRef>
  activity: Map<string, ActivityRef>
}

let loading: Promise<Reference> | null = null

async function load(): Promise<Reference> {
  const [regions, territories, activities] = await Promise.all([
    api.call('reference.regions', {}),
    api.call('reference.territories', {}),
    api.call('reference.activities', {}),
  ])
  const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((r) => [r.code, r]))
  return {
    regions,
    provinces: territories.provinces,
    communes: territories.communes,
    activities,
    region: byCode(regions),
    province: byCode(territories.provinces),
    commune: byCode(territories.communes),
    activity: byCode(activities),
  }
}

export function useReference(): Reference | null {
  const [ref, setRef] = useState<Reference | null>(null)
  useEffect(() => {
    loading ??= load().catch((e: unknown) => {
      loading = null
      throw e
    })
    let live = true
    loading.then(
      (r) => live && setRef(r),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return ref
}

/** The name of a reference row in the UI language (Arabic, else French). */
export function nameIn(
  language: string,
  row: { nameAr: string; nameFr: string } | undefined,
): string {
  if (!row) return ''
  return language === 'ar' ? row.nameAr : row.nameFr
}

/**
 * Provinces or communes with those of the chamber's own region first (then the rest of the
 * country, in their usual order): where a place is asked, the chamber's region comes first.
 */
export function chamberRegionFirst<T>(
  rows: readonly T[],
  regionOf: (row: T) => string | undefined,
  chamberRegion: string,
): T[] {
  const mine = rows.filter((r) => regionOf(r) === chamberRegion)
  return [...mine, ...rows.filter((r) => regionOf(r) !== chamberRegion)]
}
