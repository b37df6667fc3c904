/** One measured figure against its budget (design.md §7), printed as a table or as JSON lines. */
export interface Figure {
  name: string
  value: number
  unit: string
  budget: number | null
  /** true when lower is better (times); false for throughputs. */
  lowerIsBetter: boolean
}

export function pass(f: Figure): boolean | null {
  if (f.budget === null) return null
  return f.lowerIsBetter ? f.value <= f.budget : f.value >= f.budget
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

export function printFigures(figures: Figure[], json: boolean): void {
  if (json) {
    for (const f of figures) {
      process.stdout.write(
        `${JSON.stringify({ name: f.name, value: Math.round(f.value * 1000) / 1000, unit: f.unit, budget: f.budget, pass: pass(f) })}\n`,
      )
    }
    return
  }
  const width = Math.max(...figures.map((f) => f.name.length))
  for (const f of figures) {
    const verdict = pass(f) === null ? '' : pass(f) ? 'ok' : 'OVER BUDGET'
    const budget = f.budget === null ? '' : `${f.lowerIsBetter ? '≤' : '≥'} ${f.budget} ${f.unit}`
    process.stdout.write(
      `${f.name.padEnd(width)}  ${f.value.toFixed(2).padStart(10)} ${f.unit.padEnd(6)} ${budget.padEnd(14)} ${verdict}\n`,
    )
  }
}
