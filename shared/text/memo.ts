/**
 * A function of one string, remembered: names repeat endlessly (a few thousand distinct
 * words for a million artisans), and normalising them again and again is what indexing,
 * importing and duplicate checks would otherwise spend their time on. The memory is
 * bounded: past `max` entries it starts afresh.
 */
export function remembered<T>(compute: (key: string) => T, max = 50_000): (key: string) => T {
  const known = new Map<string, T>()
  return (key) => {
    const hit = known.get(key)
    if (hit !== undefined) return hit
    const value = compute(key)
    if (known.size >= max) known.clear()
    known.set(key, value)
    return value
  }
}
