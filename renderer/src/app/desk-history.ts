import { uuidv7 } from '@shared/ids/uuidv7'

/**
 * The address and the browser's history belong to one person's visit, from login to
 * logout, on a counter PC that several people share. At login and at logout the address
 * goes back to home (`#/`) and a new visit begins; every history entry is tagged with the
 * visit that made it, so an entry of an earlier visit reached with the browser's Back
 * opens home instead of another person's screen. Each entry also gets its own number
 * (pages are keyed by it: nothing of one screen's state leaks into the next), remembers
 * the address it was opened from, and may keep a list's scroll position.
 */
export interface EntryState {
  /** The visit (one person's login) that made this entry. */
  sijillVisit?: string
  /** This entry's own number within the tab. */
  n?: string
  /** The address this entry was opened from, in the same visit. */
  from?: string
  /** The artisans list's scroll position, to come back to. */
  listScroll?: number
}

const VISIT_KEY = 'sijill.visit'
export const HOME_HASH = '#/'

const listeners = new Set<() => void>()
let lastHash = window.location.hash
let lastEntry: string | undefined

export function entryState(): EntryState {
  const state: unknown = window.history.state
  return state && typeof state === 'object' ? (state as EntryState) : {}
}

/** The current visit's id (kept for reloads of this tab), or null when nobody is logged in. */
export function visitId(): string | null {
  return window.sessionStorage.getItem(VISIT_KEY)
}

function emit(): void {
  lastHash = window.location.hash
  lastEntry = entryState().n
  for (const listener of listeners) listener()
}

/** Changes the current entry in place (no new history entry, no page change). */
export function patchEntry(patch: Partial<EntryState>, hash?: string): void {
  window.history.replaceState(
    { ...entryState(), ...patch },
    '',
    hash === undefined ? window.location.href : hash,
  )
  if (hash !== undefined) lastHash = window.location.hash
}

/** A person logged in: a new visit, at home. */
export function beginVisit(): string {
  const id = uuidv7()
  window.sessionStorage.setItem(VISIT_KEY, id)
  window.history.replaceState({ sijillVisit: id, n: uuidv7() }, '', HOME_HASH)
  emit()
  return id
}

/** The person logged out (or the session ended): nothing of their screens stays in the address. */
export function endVisit(): void {
  window.sessionStorage.removeItem(VISIT_KEY)
  if (window.location.hash !== HOME_HASH || entryState().sijillVisit)
    window.history.replaceState(null, '', HOME_HASH)
  emit()
}

/** A visit for a session that was already open when the page loaded (a reload). */
export function ensureVisit(): string {
  const id = visitId()
  if (!id) return beginVisit()
  const state = entryState()
  if (state.sijillVisit === undefined)
    window.history.replaceState(
      { ...state, sijillVisit: id, n: uuidv7() },
      '',
      window.location.href,
    )
  else if (state.sijillVisit !== id)
    window.history.replaceState({ sijillVisit: id, n: uuidv7() }, '', HOME_HASH)
  return id
}

function onNavigate(): void {
  const visit = visitId()
  const state = entryState()
  if (visit && state.sijillVisit === visit) {
    // Back or forward within this visit (or the second event of one navigation).
    if (state.n !== lastEntry || window.location.hash !== lastHash) emit()
    return
  }
  if (visit && state.sijillVisit === undefined) {
    // A new entry of this visit: a link, `navigate()`, an address typed.
    window.history.replaceState(
      { sijillVisit: visit, n: uuidv7(), from: lastHash },
      '',
      window.location.href,
    )
  } else {
    // An entry of another person's visit, or nobody is logged in: none of it is shown.
    window.history.replaceState(visit ? { sijillVisit: visit, n: uuidv7() } : null, '', HOME_HASH)
  }
  emit()
}

let installed = false
/** Listens to the browser's navigation once for the whole app. */
export function installHistoryGuard(): void {
  if (installed) return
  installed = true
  window.addEventListener('popstate', onNavigate)
  window.addEventListener('hashchange', onNavigate)
}

/** Called after every navigation, once the entry is tagged (or sent home). */
export function onEntryChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
