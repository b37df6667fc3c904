/**
 * Debian's Chromium as the tests and the bench launch it (never a downloaded browser):
 * its path (SIJILL_CHROMIUM to change it) and the flags for a machine without network.
 */
export const CHROMIUM = process.env.SIJILL_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
