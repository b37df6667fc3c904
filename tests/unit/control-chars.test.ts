import { describe, expect, it } from 'vitest'
import { findForbiddenChar, isAbsolutePath, stripMarks } from '@shared/text/control-chars'
import { screenInput } from '../../electron/services/api/plain-input'
import { AppError } from '@shared/errors'

describe('characters no text of the register may hold', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['escape', '\u001B[31m', 'U+001B'],
    ['delete', 'x\u007F', 'U+007F'],
    ['a C1 control', 'x\u0085', 'U+0085'],
    ['right-to-left override', 'Ahmed\u202E', 'U+202E'],
    ['left-to-right embedding', '\u202Ax', 'U+202A'],
    ['first-strong isolate', '\u2068x', 'U+2068'],
  ])('finds %s', (_name, text, code) => {
    expect(findForbiddenChar(text)?.code).toBe(code)
  })

  it('lets tabs, line breaks, Arabic, Tifinagh and accents through', () => {
    expect(findForbiddenChar('سطر\nligne\tⵜⵉⴼⵉⵏⴰⵖ é')).toBeNull()
  })

  it('strips the invisible marks copy-paste drags along, nothing visible', () => {
    expect(stripMarks('\u200FFatima\u200E \u200Bفاطمة\uFEFF')).toBe('Fatima فاطمة')
  })

  it('tells absolute paths from relative ones on Windows and POSIX', () => {
    for (const p of ['/media/usb', 'D:\\Sijill', 'c:/backups', '\\\\server\\share\\x'])
      expect(isAbsolutePath(p), p).toBe(true)
    for (const p of ['backups', './x', '..\\x', 'D:x', '\\\\server'])
      expect(isAbsolutePath(p), p).toBe(false)
  })
})

describe("the router's screening of every text a call carries", () => {
  it('names the field at any depth and the character', () => {
    try {
      screenInput({ partners: [{ name: 'CNSS\u001B' }] })
      expect.unreachable()
    } catch (error) {
      expect((error as AppError).data.fields).toEqual([
        {
          path: 'partners.0.name',
          key: 'validation.control_character',
          params: { char: 'U+001B', position: 5 },
        },
      ])
    }
  })

  it('removes marks but leaves passwords exactly as typed', () => {
    expect(screenInput({ title: '\u200Fx', password: '\u200Fsecret' })).toEqual({
      title: 'x',
      password: '\u200Fsecret',
    })
  })

  it("passes over a method's file content, read row by row by its service", () => {
    const input = { fileName: 'a.csv', text: 'cin\nA\u0000' }
    expect(screenInput(input, ['text'])).toEqual(input)
    expect(() => screenInput(input)).toThrow(AppError)
  })
})
