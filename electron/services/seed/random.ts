/** A small deterministic PRNG (mulberry32) and helpers, so `cli seed --seed S` repeats exactly. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }

  chance(p: number): boolean {
    return this.next() < p
  }
}

/** Picks by weight in O(log n) with a cumulative table built once. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = []
  private readonly total: number

  constructor(private readonly items: readonly { item: T; weight: number }[]) {
    let sum = 0
    for (const { weight } of items) this.cumulative.push((sum += weight))
    this.total = sum
  }

  pick(random: Random): T {
    const target = random.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.cumulative[mid] ?? 0) > target) hi = mid
      else lo = mid + 1
    }
    return (this.items[lo] as { item: T }).item
  }
}
