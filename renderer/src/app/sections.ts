import { EVERY_ROLE } from '@shared/api/method'
import type { Role } from '@shared/api/roles'

/** The app's sections, in navigation order; Alt+1…Alt+8 jump to them. */
export const SECTIONS = [
  'counter',
  'artisans',
  'documents',
  'sessions',
  'sync',
  'reports',
  'settings',
  'admin',
] as const
export type Section = (typeof SECTIONS)[number]

/**
 * Who sees each section: the navigation shows a person only theirs. This decides what is
 * shown, not what is allowed — the router checks each call's roles itself.
 */
export const SECTION_ROLES: Record<Section, readonly Role[]> = {
  counter: EVERY_ROLE,
  artisans: EVERY_ROLE,
  documents: EVERY_ROLE,
  sessions: EVERY_ROLE,
  sync: ['supervisor', 'administrator'],
  reports: EVERY_ROLE,
  settings: ['administrator'],
  admin: ['supervisor', 'administrator'],
}

/**
 * Where the app is, read from the address hash so that reload stays on the same screen:
 * `#/counter`, `#/settings`, `#/artisan/<id>`, `#/register?cin=…`, `#/register?draft=<id>`,
 * `#/session/<id>`, `#/caravan/<id>`; a section may carry its state in the query
 * (`#/reports?from=…&provinceCode=…`, `#/artisans?filter=<json>`).
 */
export type Route =
  | { view: 'section'; section: Section; params: URLSearchParams }
  | { view: 'artisan'; section: 'counter'; id: string }
  | { view: 'register'; section: 'counter'; params: URLSearchParams }
  | { view: 'session'; section: 'sessions'; id: string }
  | { view: 'caravan'; section: 'sessions'; id: string }

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const [head, id] = path.split('/')
  if (head === 'artisan' && id)
    return { view: 'artisan', section: 'counter', id: decodeURIComponent(id) }
  if (head === 'session' && id)
    return { view: 'session', section: 'sessions', id: decodeURIComponent(id) }
  if (head === 'caravan' && id)
    return { view: 'caravan', section: 'sessions', id: decodeURIComponent(id) }
  if (head === 'register')
    return { view: 'register', section: 'counter', params: new URLSearchParams(query) }
  const section = (SECTIONS as readonly string[]).includes(head ?? '')
    ? (head as Section)
    : 'counter'
  return { view: 'section', section, params: new URLSearchParams(query) }
}

export const hrefOf = {
  section: (s: Section, params: Record<string, string> = {}) => {
    const q = new URLSearchParams(params).toString()
    return `#/${s}${q ? `?${q}` : ''}`
  },
  artisan: (id: string) => `#/artisan/${encodeURIComponent(id)}`,
  session: (id: string) => `#/session/${encodeURIComponent(id)}`,
  caravan: (id: string) => `#/caravan/${encodeURIComponent(id)}`,
  register: (params: Record<string, string> = {}) => {
    const q = new URLSearchParams(params).toString()
    return `#/register${q ? `?${q}` : ''}`
  },
}
