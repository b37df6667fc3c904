/**
 * Dotted version numbers compared number by number ('0.10.0' > '0.9.3'); whatever follows
 * the numbers ('-beta', '+build') is ignored, and a missing part counts as 0.
 */
function parts(version: string): number[] {
  const numbers = /^\d+(?:\.\d+)*/.exec(version.trim())?.[0] ?? '0'
  return numbers.split('.').map(Number)
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a)
  const y = parts(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
