import type { Period } from '@shared/reports/dashboard'

/**
 * The periods a chamber asks for, from today's date on this desk: a period still running
 * ends today (the trend never shows days to come).
 */
export const PRESETS = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'last12Months',
] as const
export type Preset = (typeof PRESETS)[number]

const iso = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10)

export function localToday(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth(), now.getDate())
}

export function presetPeriod(preset: Preset, today: string): Period {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7)) - 1
  const q = Math.floor(m / 3) * 3
  switch (preset) {
    case 'thisMonth':
      return { from: iso(y, m, 1), to: today }
    case 'lastMonth':
      return { from: iso(y, m - 1, 1), to: iso(y, m, 0) }
    case 'thisQuarter':
      return { from: iso(y, q, 1), to: today }
    case 'lastQuarter':
      return { from: iso(y, q - 3, 1), to: iso(y, q, 0) }
    case 'thisYear':
      return { from: iso(y, 0, 1), to: today }
    case 'last12Months':
      return { from: iso(y, m - 11, 1), to: today }
  }
}

/** The preset a period is, if any (for the selector to show it). */
export function presetOf(period: Period, today: string): Preset | null {
  return (
    PRESETS.find((p) => {
      const candidate = presetPeriod(p, today)
      return candidate.from === period.from && candidate.to === period.to
    }) ?? null
  )
}
