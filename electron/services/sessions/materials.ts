import { todayIso } from '@shared/artisans/birth-date'
import type { HandoutLanguage, HandoutTopic, PaperSize } from '@shared/sessions/handout'
import type { Session } from '@shared/sessions/session'
import type { Language } from '@shared/settings/language'
import { isolate } from '@shared/text/bidi'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { renderAttendanceSheet, type SheetPerson } from '../documents/attendance-sheet'
import { renderHandout } from '../documents/handout'
import { chamberOf } from '../documents/issue'
import { t } from '../documents/page'
import { renderSessionReport } from '../documents/session-report'
import type { Logger } from '../log'
import { getHandoutText } from './handout-texts'
import { sessionOutcomes } from './outcomes'
import { getSession } from './sessions'
import { dayOf, handoutWord, hoursOf, placeOf } from './session-words'

/**
 * The printed materials of sessions (issue 6), put together from the register: the
 * handout (the chamber's text, with the session's day and place when one is named), the
 * attendance sheet and the session report. Each comes back as a PDF file to save or
 * print; nothing is recorded, as these are not numbered documents.
 */
export interface PdfFile {
  fileName: string
  base64: string
}
type SheetLanguage = Extract<Language, 'ar' | 'fr'>

const file = (fileName: string, pdf: Buffer): PdfFile => ({
  fileName,
  base64: pdf.toString('base64'),
})

function logWarnings(log: Logger, what: string, warnings: string[]): void {
  for (const w of warnings) log.info(`${what}: ${w}`)
}

export async function printHandout(
  db: Db,
  log: Logger,
  input: { topic: HandoutTopic; lang: HandoutLanguage; size: PaperSize; sessionId: string | null },
): Promise<PdfFile> {
  const text = getHandoutText(db, input)
  const s = input.sessionId ? getSession(db, input.sessionId) : null
  const lang = input.lang
  const session = s && [
    { label: handoutWord(lang, 'date'), value: dayOf(s.startsAt, lang) },
    { label: handoutWord(lang, 'time'), value: hoursOf(s, lang) },
    { label: handoutWord(lang, 'place'), value: placeOf(db, s, lang) },
  ]
  const { pdf, warnings } = await renderHandout({
    lang,
    size: input.size,
    title: text.title,
    body: text.body,
    chamber: chamberOf(db),
    session: session ? session.filter((l) => l.value) : null,
  })
  logWarnings(log, 'handout', warnings)
  const day = s ? `-${s.startsAt.slice(0, 10)}` : ''
  return file(`handout-${input.topic}-${lang}-${input.size}${day}.pdf`, pdf)
}

/** Kind, day, hours, place, organiser and partners, as the sheet and report print them. */
function sessionFacts(db: Db, s: Session, lang: SheetLanguage, withPartners = true) {
  const w = (key: string) => t(lang, `materials.session.${key}`)
  const partners = s.partners.map((p) => (lang === 'ar' ? isolate(p.name) : p.name))
  return [
    { label: w('title'), value: lang === 'ar' ? isolate(s.title) : s.title },
    { label: w('kind'), value: t(lang, `sessions.kind.${s.kind}`) },
    { label: w('date'), value: dayOf(s.startsAt, lang) },
    { label: w('time'), value: hoursOf(s, lang) },
    { label: w('place'), value: placeOf(db, s, lang) },
    {
      label: w('organiser'),
      value: lang === 'ar' && s.organiser ? isolate(s.organiser) : s.organiser,
    },
    ...(withPartners ? [{ label: w('partners'), value: partners.join('\n') }] : []),
  ]
}

interface PersonRow {
  nameAr: string
  nameLat: string
  cin: string | null
  phone: string | null
  communeAr: string | null
  communeFr: string | null
  checkedInAt: string | null
  walkIn: number | null
}

/** Everyone invited to the session or checked in at it, in the order of their names. */
function sessionPeople(db: Db, sessionId: string, lang: SheetLanguage): PersonRow[] {
  const order =
    lang === 'ar'
      ? `coalesce(nullif(a.last_name_ar, ''), a.last_name_lat), a.first_name_ar`
      : `coalesce(nullif(a.last_name_lat, ''), a.last_name_ar), a.first_name_lat`
  return sql(
    db,
    `SELECT trim(coalesce(a.first_name_ar, '') || ' ' || coalesce(a.last_name_ar, '')) AS nameAr,
            trim(coalesce(a.first_name_lat, '') || ' ' || coalesce(a.last_name_lat, '')) AS nameLat,
            a.cin, a.phone, c.name_ar AS communeAr, c.name_fr AS communeFr,
            t.checked_in_at AS checkedInAt, t.walk_in AS walkIn
       FROM (SELECT artisan_id FROM session_invitee WHERE session_id = @id
             UNION SELECT artisan_id FROM session_attendance WHERE session_id = @id) p
       JOIN artisan a ON a.id = p.artisan_id
       LEFT JOIN session_attendance t ON t.session_id = @id AND t.artisan_id = a.id
       LEFT JOIN ref_commune c ON c.code = a.commune_code
      ORDER BY ${order}, a.cin, a.id`,
  ).all({ id: sessionId }) as PersonRow[]
}

export async function printAttendanceSheet(
  db: Db,
  log: Logger,
  input: { sessionId: string; lang: SheetLanguage; blankRows: number },
): Promise<PdfFile> {
  const s = getSession(db, input.sessionId)
  const people: SheetPerson[] = sessionPeople(db, s.id, input.lang).map((p) => ({
    nameAr: p.nameAr,
    nameLat: p.nameLat,
    cin: p.cin,
    phone: p.phone,
    commune: (input.lang === 'ar' ? p.communeAr : p.communeFr) ?? '',
    present: p.checkedInAt !== null,
  }))
  const { pdf, warnings } = await renderAttendanceSheet(
    {
      lang: input.lang,
      sessionTitle: input.lang === 'ar' ? isolate(s.title) : s.title,
      facts: sessionFacts(db, s, input.lang),
      people,
      blankRows: input.blankRows,
      printedOn: todayIso(),
    },
    chamberOf(db),
  )
  logWarnings(log, 'attendance sheet', warnings)
  return file(`attendance-sheet-${s.startsAt.slice(0, 10)}-${input.lang}.pdf`, pdf)
}

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export async function printSessionReport(
  db: Db,
  log: Logger,
  input: { sessionId: string; lang: SheetLanguage },
): Promise<PdfFile> {
  const s = getSession(db, input.sessionId)
  const lang = input.lang
  const outcomes = sessionOutcomes(db, s.id)
  const languages = s.languages
    .map((l) => t(lang, `sessions.language.${l}`))
    .join(lang === 'ar' ? '، ' : ', ')
  const facts = [
    ...sessionFacts(db, s, lang, false),
    { label: t(lang, 'materials.session.status'), value: t(lang, `sessions.status.${s.status}`) },
    {
      label: t(lang, 'materials.session.cancelReason'),
      value: s.status === 'cancelled' && s.cancelReason ? s.cancelReason : '',
    },
    { label: t(lang, 'materials.session.languages'), value: languages },
    {
      label: t(lang, 'materials.session.capacity'),
      value: s.capacity === null ? '' : String(s.capacity),
    },
  ]
  const attendees = sessionPeople(db, s.id, lang)
    .filter((p) => p.checkedInAt !== null)
    .map((p) => ({ nameAr: p.nameAr, nameLat: p.nameLat, cin: p.cin, walkIn: p.walkIn === 1 }))
  const { pdf, warnings } = await renderSessionReport(
    {
      lang,
      sessionTitle: input.lang === 'ar' ? isolate(s.title) : s.title,
      facts,
      partners: s.partners.map((p) => ({
        name: lang === 'ar' ? isolate(p.name) : p.name,
        kind: t(lang, `sessions.partner.${p.kind}`),
        contact: lang === 'ar' && p.contact ? isolate(p.contact) : p.contact,
      })),
      outcomes,
      windowEnds: outcomes.windows.map((w) => addDays(s.startsAt.slice(0, 10), w.days)),
      attendees,
      printedOn: todayIso(),
    },
    chamberOf(db),
  )
  logWarnings(log, 'session report', warnings)
  return file(`session-report-${s.startsAt.slice(0, 10)}-${lang}.pdf`, pdf)
}
