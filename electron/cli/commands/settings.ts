import { LANGUAGES, type Language } from '@shared/settings/language'
import type { DeskProfile } from '@shared/settings/desk-profile'
import type { SijillApp } from '../../services/app'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'

/**
 * `settings get [KEY]` and `settings set KEY VALUE`. Writes go through the API, so they
 * are validated and audited exactly like the Settings screen.
 */
const CHAMBER_KEYS = ['regionCode', 'nameAr', 'nameFr', 'address', 'phone'] as const
type ChamberKey = (typeof CHAMBER_KEYS)[number]
export const SETTING_KEYS = ['language', 'deskName', ...CHAMBER_KEYS.map((k) => `chamber.${k}`)]

function flatten(profile: DeskProfile): Record<string, string> {
  const flat: Record<string, string> = {
    deskId: profile.deskId,
    deskName: profile.deskName,
    language: profile.language,
    setupAt: profile.setupAt,
  }
  for (const key of CHAMBER_KEYS) flat[`chamber.${key}`] = profile.chamber[key]
  flat['chamber.logo'] = profile.chamber.logo ? '(image)' : '(none)'
  return flat
}

async function get(app: SijillApp, io: CliIO, key: string | undefined): Promise<number> {
  const flat = flatten(await app.direct().call('settings.get', {}))
  if (key === undefined) {
    for (const [k, v] of Object.entries(flat)) io.out(`${k}=${v}`)
    return EXIT.ok
  }
  if (!(key in flat)) {
    io.err(`Unknown setting "${key}". Known: ${Object.keys(flat).join(', ')}`)
    return EXIT.usage
  }
  io.out(flat[key] ?? '')
  return EXIT.ok
}

async function set(app: SijillApp, io: CliIO, key: string, value: string): Promise<number> {
  const api = app.direct()
  if (key === 'language') {
    if (!(LANGUAGES as readonly string[]).includes(value)) {
      io.err(`language must be one of: ${LANGUAGES.join(', ')}`)
      return EXIT.usage
    }
    await api.call('settings.setLanguage', { language: value as Language })
    return EXIT.ok
  }
  const profile = await api.call('settings.get', {})
  const chamber = { ...profile.chamber }
  let deskName = profile.deskName
  if (key === 'deskName') deskName = value
  else if (key.startsWith('chamber.') && CHAMBER_KEYS.includes(key.slice(8) as ChamberKey)) {
    chamber[key.slice(8) as ChamberKey] = value
  } else {
    io.err(`Cannot set "${key}". Settable: ${SETTING_KEYS.join(', ')}`)
    return EXIT.usage
  }
  await api.call('settings.updateChamber', { chamber, deskName })
  return EXIT.ok
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: 'read or change the desk settings (validated and audited)',
  usage: `settings get [KEY] | settings set KEY VALUE   (KEY: ${SETTING_KEYS.join(', ')})`,
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const [action, key, value] = args
    try {
      if (action === 'get' && args.length <= 2) return await get(app, io, key)
      if (action === 'set' && key !== undefined && value !== undefined && args.length === 3) {
        return await set(app, io, key, value)
      }
    } catch (error) {
      return reportError(io, error)
    }
    io.err(`usage: sijill ${this.usage}`)
    return EXIT.usage
  },
}
