import { formatMoroccanPhone } from '@shared/validation/phone'
import type { Db } from '../database/open'
import { currentLanguage } from '../settings/desk-profile-service'
import { CSV_BOM, csvLine } from '../spreadsheet/csv-write'
import { translateError as translate } from '../startup-error'
import { inviteesWithPlaces } from './people'
import { getSession } from './sessions'

/**
 * The invitation list as a spreadsheet file (issue 6), for the organiser who phones or
 * texts the invitees, or hands the list to a partner: the same CSV as the register export
 * (UTF-8 with a BOM, so Excel shows Arabic), headers in the desk's language, phones as
 * written in Morocco, places and activities by name, and whether each person came.
 */
const HEADERS = [
  'register.lastNameAr',
  'register.firstNameAr',
  'register.lastNameLat',
  'register.firstNameLat',
  'export.phone',
  'artisan.cin',
  'register.commune',
  'artisan.mainActivity',
  'sessions.csvAttended',
] as const

/** A file-name fragment from a title, in any script: letters and digits, dashes between. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug || 'session'
}

export function invitationCsv(db: Db, sessionId: string): { fileName: string; base64: string } {
  const session = getSession(db, sessionId)
  const language = currentLanguage(db)
  const yes = translate(language, 'common.yes')
  const no = translate(language, 'common.no')
  const lines = [csvLine(HEADERS.map((h) => translate(language, h)))]
  for (const p of inviteesWithPlaces(db, sessionId, language))
    lines.push(
      csvLine([
        p.lastNameAr,
        p.firstNameAr,
        p.lastNameLat,
        p.firstNameLat,
        p.phone ? formatMoroccanPhone(p.phone) : null,
        p.cin,
        p.communeName ?? p.communeCode,
        p.activityName ?? p.mainActivity,
        p.checkedInAt ? yes : no,
      ]),
    )
  return {
    fileName: `invitations-${session.startsAt.slice(0, 10)}-${slugOf(session.title)}.csv`,
    base64: Buffer.from(CSV_BOM + lines.join(''), 'utf8').toString('base64'),
  }
}
