import { describe, expect, it } from 'vitest'
import { UUID_V7_PATTERN, uuidv7, uuidv7Time } from '@shared/ids/uuidv7'

describe('UUIDv7 ids made on the desk', () => {
  it('have the RFC 9562 version and variant bits', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(UUID_V7_PATTERN)
  })

  it('carry the time they were made', () => {
    const at = Date.now() + 60_000
    expect(uuidv7Time(uuidv7(at))).toBe(at)
  })

  it('never go back in time when the clock does', () => {
    const later = uuidv7(Date.now() + 120_000)
    const afterClockJump = uuidv7(Date.now() - 3_600_000)
    expect(afterClockJump > later).toBe(true)
  })

  it('sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(Date.now() + 180_000))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
