import type { TFunction } from 'i18next'
import type { ListFilter } from '@shared/artisans/list'
import { isolate } from '@shared/text/bidi'
import { formatDay } from '@shared/text/dates'
import { nameIn, type Reference } from '../app/reference'

/**
 * The conditions of a list filter that the list's own selects do not show — those a
 * dashboard figure brings (branch, sex, birth dates, covers, what happened in a period) —
 * as sentences, so the person knows which artisans the list holds.
 */
export function drillConditions(
  filter: ListFilter,
  t: TFunction,
  lang: string,
  ref: Reference | null,
): string[] {
  const days = (p: { from: string; to: string }) => ({
    from: isolate(formatDay(p.from)),
    to: isolate(formatDay(p.to)),
  })
  const out: string[] = []
  if (filter.branch) {
    const a = ref?.activities.find((x) => x.branchCode === filter.branch)
    const name = a ? (lang === 'ar' ? a.branchAr : a.branchFr) : filter.branch
    out.push(t('drill.branch', { name }))
  }
  if (filter.sex) out.push(t('drill.sex', { sex: t(`enums.sex.${filter.sex}`) }))
  if (filter.bornFrom && filter.bornTo)
    out.push(t('drill.bornBetween', days({ from: filter.bornFrom, to: filter.bornTo })))
  else if (filter.bornFrom) out.push(t('drill.bornFrom', { day: isolate(filter.bornFrom) }))
  else if (filter.bornTo) out.push(t('drill.bornTo', { day: isolate(filter.bornTo) }))
  if (filter.coverIn)
    out.push(
      t('drill.coverIn', {
        covers: filter.coverIn.map((c) => t(`enums.coverStatus.${c}`)).join(t('drill.or')),
      }),
    )
  if (filter.step)
    out.push(t('drill.step', { step: t(`enums.step.${filter.step.step}`), ...days(filter.step) }))
  if (filter.certificateIssued)
    out.push(t('drill.certificateIssued', days(filter.certificateIssued)))
  if (filter.certificateCancelled)
    out.push(t('drill.certificateCancelled', days(filter.certificateCancelled)))
  if (filter.attended) {
    const a = filter.attended
    const place = a.communeCode
      ? ref?.commune.get(a.communeCode)
      : a.provinceCode
        ? ref?.province.get(a.provinceCode)
        : undefined
    out.push(
      t(a.walkIn ? 'drill.walkIn' : 'drill.attended', {
        ...days(a),
        place: place ? t('drill.in', { place: nameIn(lang, place) }) : '',
      }),
    )
  }
  return out
}

/** The filter without what only a drill-down sets (what the list's selects show stays). */
export function withoutDrill(filter: ListFilter): ListFilter {
  const {
    branch: _b,
    sex: _s,
    bornFrom: _f,
    bornTo: _t,
    coverIn: _c,
    step: _st,
    certificateIssued: _ci,
    certificateCancelled: _cc,
    attended: _a,
    ...rest
  } = filter
  return rest
}
