import type { Dashboard } from './dashboard'

/**
 * The path's conversion rates, one definition for the screen and the printed report: each
 * step over the identified artisans, except AMO over CNSS (AMO follows the CNSS
 * pre-registration, which it includes). CNSS is not taken over the RNA: the CNSS
 * pre-registers artisans the chamber identified whether or not their RNA registration is
 * through yet, so that rate could pass 100 %. A rate over nothing is null, shown as a
 * dash, never as 0 %.
 */
export const FUNNEL_STEPS = [
  'identified',
  'registered',
  'cnssPreRegistered',
  'amoCovered',
  'otherCover',
  'banked',
] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]

/** The step each rate is taken over; identified has none. */
export const RATE_BASE: Record<FunnelStep, FunnelStep | null> = {
  identified: null,
  registered: 'identified',
  cnssPreRegistered: 'identified',
  amoCovered: 'cnssPreRegistered',
  otherCover: 'identified',
  banked: 'identified',
}

/** `part / whole`, or null when the whole is 0. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

export function funnelRate(funnel: Dashboard['funnel'], step: FunnelStep): number | null {
  const base = RATE_BASE[step]
  return base ? rate(funnel[step], funnel[base]) : null
}

/** The change from a previous figure: absolute, and relative (null when it was 0). */
export function change(now: number, before: number): { delta: number; ratio: number | null } {
  return { delta: now - before, ratio: before > 0 ? (now - before) / before : null }
}
