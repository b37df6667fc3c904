import type { Random } from './random'

/**
 * One seeded file's path: its status on each branch and the day of each step, drawn so
 * that the steps follow the path in order (identified ≤ RNA submitted ≤ registered ≤ CNSS
 * pre-registration ≤ AMO ≤ bank account) and that each step holds fewer files than the
 * one before it. Two departures the domain allows: "already covered by another scheme"
 * (any file past identification, instead of CNSS and AMO), and a CNSS pre-registration
 * before the RNA registration (files submitted or waiting, without AMO or bank yet).
 *
 * Shares of all files (about): identified 100 %, RNA registered 60 %, CNSS 44 % (AMO
 * included), AMO 24 %, other cover 12 %, bank account opened 17 %, referred to a bank 5 %.
 * The sources' own figures (Sept 2022: 660,000 identified, 441,258 CNSS pre-registered;
 * about 400,000 in the RNA by 2024–2025) put the CNSS ahead of the RNA; seeded desks keep
 * a funnel that narrows, which is what a chamber's own register shows once its campaign
 * has caught up, and what a demo must not contradict.
 */
export interface SeedPath {
  identifiedOn: string
  rnaStatus: 'identified' | 'pending' | 'submitted' | 'registered'
  submittedOn: string | null
  registeredOn: string | null
  cover: 'none' | 'cnss_pre_registered' | 'amo_covered' | 'other_cover'
  coverOn: string | null
  bank: 'none' | 'referred' | 'opened'
  bankOn: string | null
  /** The last day on which the file changed. */
  lastOn: string
}

/** Days from `first` to `last` (UTC, ISO yyyy-mm-dd), made once: the loop indexes them. */
export function dayTable(first: string, last: string): string[] {
  const days: string[] = []
  const end = Date.parse(`${last}T00:00:00Z`)
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/** Draws one file's path over `days` (the oldest first, the last one today). */
export function seedPath(random: Random, days: readonly string[]): SeedPath {
  const rnaRoll = random.next()
  const rnaStatus =
    rnaRoll < 0.6
      ? 'registered'
      : rnaRoll < 0.75
        ? 'submitted'
        : rnaRoll < 0.87
          ? 'pending'
          : 'identified'
  const registered = rnaStatus === 'registered'
  const coverRoll = random.next()
  const cover = registered
    ? coverRoll < 0.68
      ? random.chance(0.6)
        ? 'amo_covered'
        : 'cnss_pre_registered'
      : coverRoll < 0.84
        ? 'other_cover'
        : 'none'
    : rnaStatus === 'identified'
      ? 'none'
      : coverRoll < 0.12
        ? 'cnss_pre_registered'
        : coverRoll < 0.22
          ? 'other_cover'
          : 'none'
  const bankable = registered && (cover === 'amo_covered' || cover === 'other_cover')
  const bankRoll = random.next()
  const bank = !bankable
    ? 'none'
    : bankRoll < 0.5
      ? 'opened'
      : bankRoll < 0.65
        ? 'referred'
        : 'none'

  // Gaps between steps, in days; the file's first day is drawn so the last step is today at the latest.
  const toSubmit = rnaStatus === 'submitted' || registered ? random.int(0, 45) : 0
  const toRegister = registered ? random.int(7, 90) : 0
  const toCover = cover === 'none' ? 0 : random.int(0, 180)
  const toBank = bank === 'none' ? 0 : random.int(0, 120)
  const span = toSubmit + toRegister + toCover + toBank
  const start = random.int(0, Math.max(0, days.length - 1 - span))
  const at = (offset: number) => days[Math.min(start + offset, days.length - 1)] as string
  const submittedOn = rnaStatus === 'submitted' || registered ? at(toSubmit) : null
  const registeredOn = registered ? at(toSubmit + toRegister) : null
  const coverOn = cover === 'none' ? null : at(toSubmit + toRegister + toCover)
  const bankOn = bank === 'none' ? null : at(span)
  return {
    identifiedOn: at(0),
    rnaStatus,
    submittedOn,
    registeredOn,
    cover,
    coverOn,
    bank,
    bankOn,
    lastOn: at(span),
  }
}
