/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Made on the desk, so
 * records can be created offline; time-ordered, so they index well in SQLite.
 * Monotonic within one process: a second id in the same millisecond sorts after the first.
 */
let lastMs = -1
let lastSeq = 0

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/** Random bytes drawn 4 KiB at a time: one system call per 256 ids, not one per id. */
const pool = new Uint8Array(4096)
let poolAt = pool.length

function randomBytes(n: number): Uint8Array {
  if (poolAt + n > pool.length) {
    globalThis.crypto.getRandomValues(pool)
    poolAt = 0
  }
  const bytes = pool.slice(poolAt, poolAt + n)
  poolAt += n
  return bytes
}

export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16)
  let ms = now
  if (ms <= lastMs) {
    ms = lastMs
    lastSeq = (lastSeq + 1) & 0xfff
    if (lastSeq === 0) ms = ++lastMs
  } else {
    lastSeq = ((bytes[6] ?? 0) & 0x0f) * 256 + (bytes[7] ?? 0)
    lastSeq &= 0x7ff // leave headroom so the counter rarely overflows
  }
  lastMs = ms
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | ((lastSeq >> 8) & 0x0f)
  bytes[7] = lastSeq & 0xff
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  let hex = ''
  for (const b of bytes) hex += HEX[b]
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const UUID_V7_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
