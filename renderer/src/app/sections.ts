/** The app's sections, in navigation order; Alt+1…Alt+7 jump to them. */
export const SECTIONS = [
  'counter',
  'artisans',
  'documents',
  'sessions',
  'sync',
  'reports',
  'settings',
] as const
export type Section = (typeof SECTIONS)[number]

export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '')
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'counter'
}
