import { Inflate } from 'fflate'
import { AppError, appError } from '@shared/errors'

/**
 * Reads the parts of a ZIP file (an XLSX workbook) without trusting the sizes it declares:
 * the central directory says where each part lies, and each part is inflated in small
 * slices with a running total, so a "zip bomb" is stopped as soon as the bytes inflated
 * from one file pass its budget — never after they fill the memory.
 *
 * The budget is proportional to the file (a workbook's XML inflates 5 to 30 times; a bomb
 * thousands of times) with a floor for tiny workbooks and an absolute ceiling.
 */
export const INFLATE_RATIO = 100
export const INFLATE_FLOOR_BYTES = 16 * 1024 * 1024
export const INFLATE_CEILING_BYTES = 256 * 1024 * 1024

export function inflateBudget(fileBytes: number): number {
  return Math.min(INFLATE_CEILING_BYTES, Math.max(INFLATE_FLOOR_BYTES, fileBytes * INFLATE_RATIO))
}

/**
 * Compressed bytes handed to the inflater at once: one step produces at most ~1,032 times
 * as much (DEFLATE's limit), 64 KiB → 66 MB; larger slices are barely faster.
 */
const SLICE = 64 * 1024

interface Entry {
  name: string
  method: number
  flags: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

const unreadable = () => appError('validation', 'errors.import_unreadable')

function entries(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: 22 bytes, then a comment of at most 65,535.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw unreadable()
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const found = new Map<string, Entry>()
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw unreadable()
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > bytes.length) throw unreadable()
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    found.set(name, {
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return found
}

/** The compressed bytes of one part, from its local header. */
function dataOf(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (entry.flags & 1) throw unreadable() // encrypted
  if (entry.compressedSize === 0xffffffff || at === 0xffffffff) throw unreadable() // ZIP64
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw unreadable()
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw unreadable() // truncated
  return bytes.subarray(start, end)
}

function joined(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/**
 * Reads a ZIP's parts as bytes, inflating only those `wanted` (by name), within a budget
 * shared by every call on the same reader. Throws `errors.import_too_big` when the budget
 * is passed and `errors.import_unreadable` for anything that is not a readable ZIP.
 */
export function createZipReader(bytes: Uint8Array, budget = inflateBudget(bytes.length)) {
  const parts = entries(bytes)
  let spent = 0
  const spend = (n: number) => {
    spent += n
    if (spent > budget) throw appError('validation', 'errors.import_too_big')
  }
  return {
    has: (name: string) => parts.has(name),
    read(name: string): Uint8Array | null {
      const entry = parts.get(name)
      if (!entry) return null
      const data = dataOf(bytes, entry)
      // What the part says it holds is checked first (refused at once), then what it does.
      if (spent + entry.declaredSize > budget) throw appError('validation', 'errors.import_too_big')
      if (entry.method === 0) {
        spend(data.length)
        return data
      }
      if (entry.method !== 8) throw unreadable()
      const chunks: Uint8Array[] = []
      let total = 0
      let ended = false
      const inflater = new Inflate((chunk, final) => {
        spend(chunk.length)
        total += chunk.length
        chunks.push(chunk)
        if (final) ended = true
      })
      try {
        for (let at = 0; at < data.length; at += SLICE) {
          const end = Math.min(at + SLICE, data.length)
          inflater.push(data.subarray(at, end), end === data.length)
        }
        if (data.length === 0) inflater.push(new Uint8Array(0), true)
      } catch (cause) {
        if (cause instanceof AppError) throw cause
        throw Object.assign(unreadable(), { cause })
      }
      if (!ended) throw unreadable()
      return joined(chunks, total)
    },
  }
}
