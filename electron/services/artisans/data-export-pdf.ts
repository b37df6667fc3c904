import { ltr } from '@shared/text/bidi'
import { formatDay, formatInstant } from '@shared/text/dates'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { BOTTOM, Flow } from '../documents/flow'
import { drawText } from '../documents/layout/draw'
import {
  bilingual,
  both,
  header,
  INNER,
  newDocument,
  PAGE,
  section,
  t,
  title,
  toBuffer,
  value,
  type Chamber,
  type Doc,
} from '../documents/page'
import { Table, type Cell, type CellLine } from '../documents/table'
import type { ArtisanDataExport } from './data-export'

/**
 * The access request's PDF (law 09-08), for the person it is about: bilingual like their
 * other papers (Arabic on the right, French on the left), over as many pages as their file
 * needs — identity and craft as label rows, then the path, documents, sessions, the state of
 * sending to the registry and the audit rows about them as tables whose header repeats on
 * each page. Values that read the same in both languages (CIN, dates, numbers) are set once,
 * left to right. The JSON copy holds every value; the PDF names what changed and when.
 */
type Bi = { ar: string; fr: string }
type Row = Record<string, unknown>

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v))
/** A day as every paper prints it, `14/03/1985`; an instant in the desk's time, `14/03/1985 09:30`. */
const day = (v: unknown): string => formatDay(str(v).slice(0, 10))
const when = (v: unknown): string => (str(v) ? formatInstant(str(v)) : '')
const bi = (key: string, params?: Record<string, string | number>): Bi => ({
  ar: t('ar', key, params),
  fr: t('fr', key, params),
})
const label = (key: string) => bi(`dataExport.${key}`)
const enumOf = (group: string, v: unknown): Bi => bi(`enums.${group}.${str(v)}`)
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' — ')

const ARABIC = /[\u0600-\u06FF]/
/** Free text (an address, a name, a title): its direction taken from its letters. */
const free = (v: unknown): CellLine[] =>
  str(v) ? [{ text: str(v), direction: ARABIC.test(str(v)) ? 'rtl' : 'ltr' }] : []

/** Arabic then French, each line in its own direction; or one LTR line for codes and dates. */
const lines = (v: Bi | string | CellLine[]): CellLine[] =>
  Array.isArray(v)
    ? v
    : typeof v === 'string'
      ? v
        ? [{ text: v, direction: 'ltr' }]
        : []
      : [
          ...(v.ar ? [{ text: v.ar, direction: 'rtl' as const }] : []),
          ...(v.fr ? [{ text: v.fr, direction: 'ltr' as const, color: '#4a524e' }] : []),
        ]

function fact(f: Flow, key: string, v: Bi | string | CellLine[]): void {
  if (!lines(v).length) return
  f.row(
    both(key),
    lines(v).map((l) => value(l.text, l.direction)),
  )
}

/** A heading kept with room for what follows it. */
function heading(f: Flow, key: string, keep = 60): void {
  f.room(33 + keep)
  f.y = section(f.doc, key, f.y + 6)
}

function empty(f: Flow): void {
  f.room(24)
  f.y = bilingual(f.doc, f.y, t('ar', 'dataExport.empty'), t('fr', 'dataExport.empty'))
}

function table(f: Flow, columns: [string, number][], rows: Cell[][]): void {
  if (!rows.length) return empty(f)
  const tb = new Table(
    f,
    columns.map(([key, share]) => {
      const l = bi(key)
      return { label: `${l.ar}\n${l.fr}`, share, align: 'center' as const }
    }),
    'rtl',
  )
  tb.header()
  for (const r of rows) tb.row(r)
  f.y += 4
}

function identity(f: Flow, c: ArtisanDataExport): void {
  const a = c.file
  const n = c.names
  heading(f, 'artisan.identity')
  fact(f, 'documents.fullName', {
    ar: [a.firstNameAr, a.lastNameAr].filter(Boolean).join(' '),
    fr: [a.firstNameLat, a.lastNameLat].filter(Boolean).join(' '),
  })
  fact(f, 'artisan.cin', str(a.cin))
  fact(f, 'artisan.nia', str(a.nia))
  if (a.sex) fact(f, 'register.sex', enumOf('sex', a.sex))
  fact(f, 'register.birthDate', day(a.birthDate))
  if (a.birthPlace) fact(f, 'register.birthPlace', str(a.birthPlace))
  const phones = [a.phone, a.phone2].filter(Boolean).map((p) => formatMoroccanPhone(str(p)))
  fact(f, 'artisan.phones', phones.join('   '))
  if (a.address) fact(f, 'artisan.address', free(a.address))
  if (n.region) fact(f, 'export.region', n.region)
  if (n.province) fact(f, 'register.province', n.province)
  if (n.commune) fact(f, 'register.commune', n.commune)
}

function craft(f: Flow, c: ArtisanDataExport): void {
  const a = c.file
  heading(f, 'artisan.craft')
  fact(f, 'artisan.actorType', enumOf('actorType', a.actorType))
  if (a.organisationName)
    fact(
      f,
      'register.organisationName',
      joined(str(a.organisationName), str(a.organisationLegalId)),
    )
  if (c.names.mainActivity) fact(f, 'artisan.mainActivity', c.names.mainActivity)
  const sec = c.names.secondaryActivities
  if (sec.length)
    fact(f, 'artisan.secondaryActivities', {
      ar: sec.map((s) => s.ar || s.code).join('، '),
      fr: sec.map((s) => s.fr || s.code).join(', '),
    })
  if (a.practice) fact(f, 'artisan.practice', enumOf('practice', a.practice))
  if (a.workplaceAddress) fact(f, 'register.workplaceAddress', free(a.workplaceAddress))
  if (a.qualification) fact(f, 'artisan.qualification', enumOf('qualification', a.qualification))
  if (a.practiceYears !== null && a.practiceYears !== undefined)
    fact(f, 'register.practiceYears', str(a.practiceYears))
  if (a.qualificationDetail) fact(f, 'register.qualificationDetail', free(a.qualificationDetail))
  const evidence = Object.entries((a.evidence ?? {}) as Record<string, boolean>)
    .filter(([, seen]) => seen)
    .map(([key]) => bi(`register.evidence.${key}`))
  if (evidence.length)
    fact(f, 'register.evidenceTitle', {
      ar: evidence.map((e) => e.ar).join('، '),
      fr: evidence.map((e) => e.fr).join(', '),
    })
  fact(f, 'dataExport.consent', day(a.consentAt))
  if (a.notes) fact(f, 'register.notes', free(a.notes))
  fact(f, 'dataExport.createdAt', day(a.createdAt))
  if (a.deletedAt) fact(f, 'dataExport.deletedAt', day(a.deletedAt))
}

function path(f: Flow, c: ArtisanDataExport): void {
  const a = c.file
  heading(f, 'artisan.path')
  const withDay = (v: Bi, d: unknown): Bi =>
    d ? { ar: joined(v.ar, ltr(day(d))), fr: joined(v.fr, day(d)) } : v
  fact(
    f,
    'documents.registration',
    withDay(enumOf('rnaStatus', a.rnaStatus), a.rnaRegisteredAt ?? a.rnaSubmittedAt),
  )
  if (a.rnaRejectionReason) fact(f, 'path.reason', free(a.rnaRejectionReason))
  fact(f, 'documents.coverage', withDay(enumOf('coverStatus', a.coverStatus), a.coverAt))
  fact(f, 'dataExport.cnssNumber', str(a.cnssNumber))
  const bank = enumOf('bankStatus', a.bankStatus)
  const partner = a.bankPartner ? enumOf('bank', a.bankPartner) : null
  fact(
    f,
    'documents.bankAccount',
    withDay({ ar: joined(bank.ar, partner?.ar), fr: joined(bank.fr, partner?.fr) }, a.bankAt),
  )
  heading(f, 'artisan.history')
  table(
    f,
    [
      ['dataExport.col.date', 0.2],
      ['dataExport.col.step', 0.45],
      ['dataExport.col.by', 0.35],
    ],
    c.path.map((e: Row) => [
      { lines: lines(day(e.happenedOn)) },
      { lines: lines(bi(`enums.step.${str(e.step)}`)) },
      { lines: free(e.actorName) },
    ]),
  )
}

function documents(f: Flow, c: ArtisanDataExport): void {
  heading(f, 'artisan.documents')
  table(
    f,
    [
      ['dataExport.col.number', 0.3],
      ['dataExport.col.type', 0.22],
      ['dataExport.col.date', 0.16],
      ['dataExport.col.status', 0.32],
    ],
    c.documents.map((d: Row) => {
      const copy = Number(d.copy)
      const status = d.cancelledAt
        ? bi('documents.cancelled', { reason: str(d.cancelReason) })
        : copy > 0
          ? bi('documents.copy', { n: copy })
          : bi('documents.original')
      return [
        { lines: lines(str(d.number)) },
        { lines: lines(bi(`documents.${str(d.type)}`)) },
        { lines: lines(day(d.issuedAt)) },
        { lines: lines(status) },
      ]
    }),
  )
}

function sessions(f: Flow, c: ArtisanDataExport): void {
  heading(f, 'dataExport.sessions')
  const byId = new Map<string, { s: Row; attended: Row | null }>()
  for (const s of c.sessions.invited) byId.set(str(s.sessionId), { s, attended: null })
  for (const s of c.sessions.attended) {
    const known = byId.get(str(s.sessionId))
    if (known) known.attended = s
    else byId.set(str(s.sessionId), { s, attended: s })
  }
  const rows = [...byId.values()].sort((a, b) => str(a.s.startsAt).localeCompare(str(b.s.startsAt)))
  table(
    f,
    [
      ['dataExport.col.session', 0.46],
      ['dataExport.col.date', 0.2],
      ['dataExport.col.presence', 0.34],
    ],
    rows.map(({ s, attended }) => {
      const presence = attended
        ? attended.walkIn
          ? label('walkIn')
          : label('attended')
        : label('invitedOnly')
      return [
        { lines: free(s.title) },
        { lines: lines(day(s.startsAt)) },
        { lines: lines(presence) },
      ]
    }),
  )
}

function sync(f: Flow, c: ArtisanDataExport): void {
  heading(f, 'dataExport.sync', 40)
  const count = (status: string) => c.sync.outbox.filter((o) => o.status === status).length
  fact(
    f,
    'dataExport.serverRevision',
    c.sync.serverRevision ? c.sync.serverRevision : label('notInRegistry'),
  )
  fact(
    f,
    'dataExport.outbox',
    bi('dataExport.outboxCounts', {
      sent: count('acked'),
      pending: count('pending'),
      refused: count('rejected') + count('conflict'),
    }),
  )
  fact(f, 'dataExport.conflicts', String(c.sync.conflicts.length))
}

/** An action's name in both languages; its code when no translation names it. */
function actionName(action: string): Bi | string {
  const step = /^artisan\.step\.(\w+)$/.exec(action)?.[1]
  if (step)
    return {
      ar: t('ar', 'audit.action.artisan_step', { step: t('ar', `enums.step.${step}`) }),
      fr: t('fr', 'audit.action.artisan_step', { step: t('fr', `enums.step.${step}`) }),
    }
  const key = `audit.action.${action.replace(/\./g, '_')}`
  const name = bi(key)
  return name.fr === key ? action : name
}

function audit(f: Flow, c: ArtisanDataExport): void {
  heading(f, 'dataExport.audit')
  f.room(24)
  f.y = bilingual(f.doc, f.y, t('ar', 'dataExport.auditNote'), t('fr', 'dataExport.auditNote'), 8.5)
  table(
    f,
    [
      ['dataExport.col.when', 0.18],
      ['dataExport.col.action', 0.3],
      ['dataExport.col.by', 0.22],
      ['dataExport.col.changed', 0.3],
    ],
    c.audit.map((r) => [
      { lines: lines(when(r.at)) },
      { lines: lines(actionName(r.action)) },
      { lines: free(r.actorName) },
      // A file created names every field: only changes are worth a line here.
      { lines: lines(r.before === null ? '' : r.changed.join(', ')) },
    ]),
  )
}

/** On each following page: whose data this is, under a thin rule. */
function continuation(c: ArtisanDataExport) {
  const nameAr = [c.file.firstNameAr, c.file.lastNameAr].filter(Boolean).join(' ')
  const nameLat = [c.file.firstNameLat, c.file.lastNameLat].filter(Boolean).join(' ')
  return (doc: Doc): number => {
    const y = PAGE.margin
    const grey = '#555555'
    drawText(
      doc,
      joined(t('ar', 'dataExport.title'), nameAr, c.file.cin ? ltr(str(c.file.cin)) : ''),
      {
        x: PAGE.margin + INNER / 2,
        y,
        width: INNER / 2,
        size: 9,
        direction: 'rtl',
        color: grey,
      },
    )
    drawText(doc, joined(t('fr', 'dataExport.title'), nameLat), {
      x: PAGE.margin,
      y: y + 1,
      width: INNER / 2,
      size: 8.5,
      direction: 'ltr',
      color: grey,
    })
    doc
      .moveTo(PAGE.margin, y + 20)
      .lineTo(PAGE.width - PAGE.margin, y + 20)
      .lineWidth(0.5)
    doc.strokeColor('#b9c4bf').stroke()
    return y + 30
  }
}

function pageFooters(doc: Doc, c: ArtisanDataExport): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const page = t('fr', 'documents.page', { n: i - range.start + 1, total: range.count })
    const text = t('fr', 'dataExport.footer', {
      date: when(c.generatedAt),
      name: c.generatedBy.name,
    })
    drawText(doc, `${text} · ${page} · Sijill`, {
      x: PAGE.margin,
      y: BOTTOM + 12,
      width: INNER,
      size: 7.5,
      direction: 'ltr',
      align: 'center',
      color: '#555555',
    })
  }
}

export async function renderDataExport(
  c: ArtisanDataExport,
  chamber: Chamber,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const doc = newDocument(t('fr', 'dataExport.title'), 'kept')
  let y = header(doc, chamber, warnings)
  y = title(doc, 'dataExport.title', y, false)
  y = bilingual(doc, y + 2, t('ar', 'dataExport.intro'), t('fr', 'dataExport.intro'))
  const f = new Flow(doc, y, continuation(c))
  fact(f, 'dataExport.generatedOn', when(c.generatedAt))
  fact(f, 'dataExport.generatedBy', free(c.generatedBy.name))
  identity(f, c)
  craft(f, c)
  path(f, c)
  documents(f, c)
  sessions(f, c)
  sync(f, c)
  audit(f, c)
  pageFooters(doc, c)
  return { pdf: await toBuffer(doc), warnings }
}
