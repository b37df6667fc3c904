/**
 * Choosing a QR code's mask (ISO/IEC 18004 §7.8.3): each of the eight patterns is applied
 * to the data modules and scored by the standard's four penalty rules — runs of one colour,
 * 2×2 blocks, finder-like 1:1:3:1:1 patterns, and the balance of dark and light — and the
 * lowest score wins. Done here on flat byte arrays because the encoder's own scoring takes
 * a few milliseconds per code, which a batch of thousands of certificates feels.
 */
const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r * c) % 3) + ((r + c) % 2)) % 2 === 0,
]

export function maskAt(pattern: number, r: number, c: number): boolean {
  return (MASKS[pattern] as (r: number, c: number) => boolean)(r, c)
}

/** Each pattern as a 0/1 matrix of a symbol's size, made once per size. */
const maskBits = new Map<number, Uint8Array[]>()
function masksOfSize(size: number): Uint8Array[] {
  let masks = maskBits.get(size)
  if (!masks) {
    masks = MASKS.map((_, pattern) => {
      const bits = new Uint8Array(size * size)
      for (let r = 0; r < size; r++)
        for (let c = 0; c < size; c++) bits[r * size + c] = maskAt(pattern, r, c) ? 1 : 0
      return bits
    })
    maskBits.set(size, masks)
  }
  return masks
}

/** N1 and N3 along one line of modules: `at(k)` is its k-th module. */
function linePenalty(m: Uint8Array, first: number, stride: number, size: number): number {
  let score = 0
  let run = 0
  let last = -1
  let window = 0
  for (let k = 0, i = first; k < size; k++, i += stride) {
    const bit = m[i] as number
    if (bit === last) run++
    else {
      if (run >= 5) score += run - 2
      run = 1
      last = bit
    }
    // The last 11 modules as bits: 1011101 0000 or 0000 1011101 is finder-like.
    window = ((window << 1) | bit) & 0x7ff
    if (k >= 10 && (window === 0x5d0 || window === 0x05d)) score += 40
  }
  if (run >= 5) score += run - 2
  return score
}

/** The penalty of a square matrix of 0/1 modules, row-major. */
export function penalty(m: Uint8Array, size: number): number {
  let score = 0
  // N1 (runs of 5+: 3, plus 1 a module beyond 5) and N3 (finder-like patterns: 40 each).
  for (let a = 0; a < size; a++) score += linePenalty(m, a * size, 1, size)
  for (let a = 0; a < size; a++) score += linePenalty(m, a, size, size)
  // N2: 2×2 blocks of one colour (3 each).
  for (let r = 0; r < size - 1; r++)
    for (let c = 0, i = r * size; c < size - 1; c++, i++) {
      const v = m[i] as number
      if (v === m[i + 1] && v === m[i + size] && v === m[i + size + 1]) score += 3
    }
  // N4: the proportion of dark modules away from half (10 a step of 5%).
  let dark = 0
  for (let i = 0; i < m.length; i++) dark += m[i] as number
  return score + 10 * Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10)
}

/**
 * The best mask for a symbol given with mask `applied` already on its data modules
 * (`reserved` marks the function modules, which masks leave alone).
 */
export function bestMask(
  modules: Uint8Array,
  reserved: Uint8Array,
  size: number,
  applied: number,
): number {
  const masks = masksOfSize(size)
  const undo = masks[applied] as Uint8Array
  const plain = new Uint8Array(modules.length)
  for (let i = 0; i < plain.length; i++)
    plain[i] = (modules[i] as number) ^ (reserved[i] ? 0 : (undo[i] as number))
  const trial = new Uint8Array(plain.length)
  let best = 0
  let lowest = Infinity
  for (let pattern = 0; pattern < masks.length; pattern++) {
    const bits = masks[pattern] as Uint8Array
    for (let i = 0; i < trial.length; i++)
      trial[i] = (plain[i] as number) ^ (reserved[i] ? 0 : (bits[i] as number))
    const score = penalty(trial, size)
    if (score < lowest) {
      lowest = score
      best = pattern
    }
  }
  return best
}
