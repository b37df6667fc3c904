import { createTheme } from '@mantine/core'

/** Sober administrative look: the chamber's green, the bundled Noto fonts. */
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'var(--sijill-font)',
  headings: { fontFamily: 'var(--sijill-font)' },
  defaultRadius: 'sm',
  focusRing: 'always',
})
