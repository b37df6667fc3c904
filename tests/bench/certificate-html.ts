import { qrModules } from '../../electron/services/documents/qr'
import { ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import type { CertificateContent } from '../../electron/services/documents/certificate'
import { t, type Chamber } from '../../electron/services/documents/page'

/**
 * The registration certificate as HTML, for the bench's side-by-side figure against
 * Chromium's `page.pdf()` (docs/architecture.md, Performance budgets: Sijill's own renderer must be at least 5× faster).
 * For the comparison to be fair this is the same page as `renderCertificate` draws: the
 * same texts from the same translations, the same fonts from resources/fonts, the same A4
 * geometry in points (page.ts: 40 of margin, 135 for a row's labels, the foot 80 high) and
 * the same vector QR code. It is only used by the bench; Sijill prints with pdfkit.
 */
const GREY = '#555555'
const RULE = '#b9c4bf'
const MARGIN = 40
const INNER = 595.28 - 2 * MARGIN
const FOOT_Y = 841.89 - MARGIN - 24 - 80

/** The font files, as the bench serves them (`fontUrl(file)` gives the URL of one). */
const FONT_FACES = [
  ['Sijill Latin', 400, 'NotoSans-Regular.ttf'],
  ['Sijill Latin', 700, 'NotoSans-Bold.ttf'],
  ['Sijill Arabic', 400, 'NotoNaskhArabic-Regular.ttf'],
  ['Sijill Arabic', 700, 'NotoNaskhArabic-Bold.ttf'],
  ['Sijill Tifinagh', 400, 'NotoSansTifinagh-Regular.ttf'],
] as const
export const FONT_FILES = FONT_FACES.map(([, , file]) => file)

const escape = (s: string) =>
  s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  )

type Dir = 'ltr' | 'rtl'
/** A run of text in its direction; `\n` breaks the line, as drawText does. */
const text = (s: string, dir: Dir, cls = '', css = '') =>
  `<div dir="${dir}" class="${cls}"${css && ` style="${css}"`}>${escape(s)}</div>`

function style(fontUrl: (file: string) => string): string {
  const faces = FONT_FACES.map(
    ([family, weight, file]) =>
      `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url('${fontUrl(file)}') format('truetype'); }`,
  ).join('\n')
  // Latin first, as the documents' faceOf: Western digits and punctuation in Noto Sans,
  // Arabic letters fall through to Naskh, Tifinagh to its own face.
  return `${faces}
@page { size: A4; margin: 0 }
* { box-sizing: border-box; margin: 0; padding: 0 }
body { font-family: 'Sijill Latin', 'Sijill Arabic', 'Sijill Tifinagh'; line-height: 1.6; color: #000 }
[dir] { white-space: pre-line }
.page { position: relative; width: 595.28pt; height: 841.89pt; padding: ${MARGIN}pt; overflow: hidden }
.grey { color: ${GREY} }
header { position: relative; height: 66pt; border-bottom: 0.8pt solid ${RULE}; margin-bottom: 14pt }
header .fr { position: absolute; left: 0; top: 2pt; width: ${(INNER - 90) / 2}pt; font-size: 11pt; font-weight: 700 }
header .ar { position: absolute; right: 0; top: 0; width: ${(INNER - 90) / 2}pt; font-size: 13pt; font-weight: 700 }
header .contact { position: absolute; right: 0; top: 44pt; width: ${(INNER - 90) / 2}pt; font-size: 8pt }
header img { position: absolute; left: ${INNER / 2 - 30}pt; top: -6pt; width: 60pt; height: 60pt; object-fit: contain }
h1 { font-size: 20pt; font-weight: 700; line-height: 1.5; text-align: center }
h2 { font-size: 13pt; font-weight: 400; text-align: center; margin-bottom: 6pt }
.row { display: grid; grid-template-columns: 135pt 1fr 135pt; column-gap: 8pt; min-height: 20pt }
.row .fr { font-size: 9pt; padding-top: 1pt }
.row .ar { font-size: 10pt }
.row .values { font-size: 11pt; text-align: center }
.section { display: flex; justify-content: space-between; height: 21pt; border-bottom: 0.5pt solid ${RULE}; margin-bottom: 6pt; font-weight: 700 }
.section .fr { font-size: 11pt; padding-top: 1pt }
.section .ar { font-size: 12pt }
.both { display: grid; grid-template-columns: 1fr 1fr; column-gap: 16pt; margin-bottom: 6pt }
.both .fr { padding-top: 1pt }
.qr { position: absolute; left: ${MARGIN}pt; top: ${FOOT_Y - 6}pt; width: 92pt; height: 92pt; shape-rendering: crispEdges }
.caption { position: absolute; left: ${MARGIN + 96}pt; top: ${FOOT_Y + 24}pt; width: 150pt; font-size: 7pt }
.stamp { position: absolute; right: ${MARGIN}pt; top: ${FOOT_Y}pt; width: ${INNER / 2 - 10}pt; height: 80pt; border: 0.6pt solid ${RULE}; border-radius: 4pt; padding: 6pt 8pt; font-size: 9pt; text-align: center }
footer { position: absolute; left: ${MARGIN}pt; right: ${MARGIN}pt; top: ${841.89 - MARGIN - 14}pt; font-size: 7.5pt; text-align: center }`
}

/** The image type of a logo, from its first bytes (the profile keeps PNG or JPEG). */
const imageType = (b: Buffer) => (b[0] === 0xff && b[1] === 0xd8 ? 'image/jpeg' : 'image/png')

function header(chamber: Chamber): string {
  const logo = chamber.logo
    ? `<img src="data:${imageType(chamber.logo)};base64,${chamber.logo.toString('base64')}">`
    : ''
  const contact = `${chamber.address} — ${ltr(formatMoroccanPhone(chamber.phone))}`
  return `<header>${text(chamber.nameFr, 'ltr', 'fr')}${logo}${text(chamber.nameAr, 'rtl', 'ar')}${text(contact, 'rtl', 'contact grey')}</header>`
}

const both = (key: string) => ({ fr: t('fr', key), ar: t('ar', key) })

/** One row: French label (left), the values (middle, each in its direction), Arabic label (right). */
function row(labels: { fr: string; ar: string }, values: [string | null, Dir][]): string {
  const shown = values.filter(([v]) => v).map(([v, dir]) => text(v as string, dir))
  return `<div class="row">${text(labels.fr, 'ltr', 'fr grey')}<div class="values">${shown.join('')}</div>${text(labels.ar, 'rtl', 'ar grey')}</div>`
}

function section(key: string): string {
  return `<div class="section">${text(t('fr', key), 'ltr', 'fr')}${text(t('ar', key), 'rtl', 'ar')}</div>`
}

/** A paragraph in French (left) and Arabic (right, half a point larger), side by side. */
function bilingual(ar: string, fr: string, size = 9.5): string {
  return `<div class="both">${text(fr, 'ltr', 'fr', `font-size: ${size}pt`)}${text(ar, 'rtl', 'ar', `font-size: ${size + 0.5}pt`)}</div>`
}

/** The same modules as the PDF's QR code, as one SVG path with the quiet zone. */
function qrSvg(payload: string): string {
  const { size: n, dark } = qrModules(payload)
  const size = n + 8
  let path = ''
  for (let i = 0; i < dark.length; i++)
    if (dark[i]) path += `M${(i % n) + 4} ${Math.floor(i / n) + 4}h1v1h-1z`
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"><path d="${path}"/></svg>`
}

function body(c: CertificateContent, chamber: Chamber): string {
  const a = c.artisan
  const actor = `enums.actorType.${a.actorType}`
  const craft = (key: string, names: { ar: string; fr: string } | null) =>
    names
      ? row(both(key), [
          [names.ar, 'rtl'],
          [names.fr, 'ltr'],
        ])
      : ''
  return [
    header(chamber),
    `<h1 dir="rtl">${escape(t('ar', 'documents.certificateTitle'))}</h1>`,
    `<h2>${escape(t('fr', 'documents.certificateTitle'))}</h2>`,
    row(both('documents.number'), [[c.number, 'ltr']]),
    row(both('documents.date'), [[c.issuedOn, 'ltr']]),
    `<div style="height:8pt"></div>`,
    bilingual(
      t('ar', 'documents.certifies', { chamber: chamber.nameAr }),
      t('fr', 'documents.certifies', { chamber: chamber.nameFr }),
      10,
    ),
    section('documents.artisan'),
    row(both('documents.fullName'), [
      [a.nameAr, 'rtl'],
      [a.nameLat, 'ltr'],
    ]),
    a.organisation ? row(both('register.organisationName'), [[a.organisation, 'ltr']]) : '',
    row(both('artisan.cin'), [[a.cin, 'ltr']]),
    row(both('artisan.actorType'), [
      [t('ar', actor), 'rtl'],
      [t('fr', actor), 'ltr'],
    ]),
    craft('artisan.mainActivity', a.activity),
    craft('register.commune', a.commune),
    `<div style="height:6pt"></div>`,
    section('documents.registration'),
    row(both('artisan.nia'), [[c.nia, 'ltr']]),
    row(both('documents.registeredOn'), [[c.registeredOn, 'ltr']]),
    `<div style="height:6pt"></div>`,
    bilingual(
      t('ar', 'documents.certificateUse', { nia: c.nia }),
      t('fr', 'documents.certificateUse', { nia: c.nia }),
    ),
    qrSvg(c.qr),
    text(
      `${t('fr', 'documents.qrCaption')}\n${t('ar', 'documents.qrCaption')}`,
      'ltr',
      'caption grey',
    ),
    text(
      `${t('ar', 'documents.signChamber')}\n${t('fr', 'documents.signChamber')}`,
      'rtl',
      'stamp grey',
    ),
    `<footer class="grey">${escape(`${c.number} · ${t('fr', 'documents.issuedBy', { name: c.issuedBy })} · Sijill`)}</footer>`,
  ].join('\n')
}

/** The whole certificate page; the fonts are loaded from `fontUrl(file)`. */
export function certificateHtml(
  c: CertificateContent,
  chamber: Chamber,
  fontUrl: (file: string) => string,
): string {
  const title = `${t('fr', 'documents.certificate')} ${c.number}`
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>${style(fontUrl)}</style></head>
<body><div class="page">
${body(c, chamber)}
</div></body></html>`
}
