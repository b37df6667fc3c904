/**
 * The little XML an XLSX file needs: text escaped for writing, entities and Excel's
 * `_xHHHH_` escapes decoded for reading, attributes of one tag. Spreadsheet parts are
 * machine-written and flat, so a scanner suffices — no DOM, no external entities.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Characters XML 1.0 cannot carry at all (control characters) are dropped. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16), whole)
      if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole)
      return NAMED[name] ?? whole
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback
}

/** The attributes of a start tag's text (`<c r="A1" t="s">` → { r: 'A1', t: 's' }). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? '').replace(/^\w+:/, (p) => (p === 'r:' ? p : ''))
    out[name] = decodeXml(m[3] ?? m[4] ?? '')
  }
  return out
}

const T_ELEMENT = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g

/** The decoded text of every `<t>` in a fragment, joined (rich text runs, inline strings). */
export function textOf(fragment: string): string {
  let text = ''
  const visible = fragment.includes('rPh')
    ? fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') // phonetic guides
    : fragment
  for (const m of visible.matchAll(T_ELEMENT)) text += m[1] ?? ''
  return text.includes('&') || text.includes('_x') ? decodeXml(text) : text
}
