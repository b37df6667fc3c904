import { useCallback } from 'react'
import {
  PlanSessionSchema,
  UpdateSessionSchema,
  type Partner,
  type PlanSessionInput,
  type Session,
} from '@shared/sessions/session'
import { useSchemaForm } from '../forms/useSchemaForm'

/**
 * The planning form's state: the fields as the organiser types them (a day and two hours
 * rather than two date-times), checked by the very schema the desk applies.
 */
export interface SessionValues {
  kind: Session['kind']
  title: string
  day: string
  startTime: string
  endTime: string
  provinceCode: string
  communeCode: string
  venue: string
  partners: Partner[]
  languages: Session['languages']
  targetActivities: string[]
  targetCommunes: string[]
  capacity: string
  organiser: string
  caravanId: string
}

export function initialValues(s: Session | null, caravanId: string | null): SessionValues {
  if (!s)
    return {
      kind: caravanId ? 'caravan_stop' : 'chamber',
      title: '',
      day: '',
      startTime: '09:30',
      endTime: '12:00',
      provinceCode: '',
      communeCode: '',
      venue: '',
      partners: [],
      languages: ['ar'],
      targetActivities: [],
      targetCommunes: [],
      capacity: '',
      organiser: '',
      caravanId: caravanId ?? '',
    }
  return {
    kind: s.kind,
    title: s.title,
    day: s.startsAt.slice(0, 10),
    startTime: s.startsAt.slice(11, 16),
    endTime: s.endsAt.slice(11, 16),
    provinceCode: s.provinceCode ?? '',
    communeCode: s.communeCode ?? '',
    venue: s.venue,
    partners: s.partners,
    languages: s.languages,
    targetActivities: s.targetActivities,
    targetCommunes: s.targetCommunes,
    capacity: s.capacity === null ? '' : String(s.capacity),
    organiser: s.organiser,
    caravanId: s.caravanId ?? '',
  }
}

const PATHS: Partial<Record<keyof SessionValues, string>> = {
  day: 'startsAt',
  startTime: 'startsAt',
  endTime: 'endsAt',
}

export function useSessionForm(existing: Session | null, caravanId: string | null) {
  const toRequest = useCallback(
    (v: SessionValues) => {
      const request: PlanSessionInput = {
        kind: v.kind,
        title: v.title,
        startsAt: `${v.day}T${v.startTime}`,
        endsAt: `${v.day}T${v.endTime}`,
        provinceCode: v.provinceCode || null,
        communeCode: v.communeCode || null,
        venue: v.venue,
        partners: v.partners,
        languages: v.languages,
        targetActivities: v.targetActivities,
        targetCommunes: v.targetCommunes,
        capacity: v.capacity.trim() ? Number(v.capacity) : null,
        organiser: v.organiser,
        caravanId: v.caravanId || null,
      }
      return existing ? { ...request, id: existing.id, expectedVersion: existing.version } : request
    },
    [existing],
  )
  return useSchemaForm<SessionValues, PlanSessionInput>({
    initial: initialValues(existing, caravanId),
    schema: existing ? UpdateSessionSchema : PlanSessionSchema,
    toRequest,
    pathOf: (field) => PATHS[field] ?? field,
  })
}
