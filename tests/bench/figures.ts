/** One measured figure against its budget (docs/architecture.md, Performance budgets), printed as a table or as JSON lines. */
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
  const budget = (f: Figure) =>
    f.budget === null ? '' : `${f.lowerIsBetter ? '≤' : '≥'} ${f.budget} ${f.unit}`
  // Columns as wide as their longest entry (throughputs have long units), at least as before.
  const width = Math.max(...figures.map((f) => f.name.length))
  const unitWidth = Math.max(6, ...figures.map((f) => f.unit.length))
  const budgetWidth = Math.max(14, ...figures.map((f) => budget(f).length))
  for (const f of figures) {
    const missed = f.lowerIsBetter ? 'OVER BUDGET' : 'BELOW BUDGET'
    const verdict = pass(f) === null ? '' : pass(f) ? 'ok' : missed
    process.stdout.write(
      `${f.name.padEnd(width)}  ${f.value.toFixed(2).padStart(10)} ${f.unit.padEnd(unitWidth)} ${budget(f).padEnd(budgetWidth)} ${verdict}\n`,
    )
  }
}
