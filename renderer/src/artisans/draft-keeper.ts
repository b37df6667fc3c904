import { visitId } from '../app/desk-history'

/**
 * A half-filled registration is never thrown away: when the clerk leaves the form (Alt+1,
 * a link, Back, logging out), the form keeps itself as a draft, and the counter says so
 * with a way to resume. The notice belongs to the visit (the person logged in) that made
 * it; logging out waits for the forms to keep their drafts first.
 */
export interface KeptDraft {
  visit: string | null
  label: string
  /** The draft's id once saved; null while the save is on its way. */
  id: string | null
}

type Saver = () => Promise<void>
const savers = new Set<Saver>()
const listeners = new Set<() => void>()
let kept: KeptDraft | null = null

/** A form that can keep itself as a draft, while it is on screen. */
export function registerDraftSaver(saver: Saver): () => void {
  savers.add(saver)
  return () => {
    savers.delete(saver)
  }
}

/** Before logging out: every form on screen keeps its draft (a second at most). */
export async function keepDrafts(): Promise<void> {
  const all = Promise.allSettled([...savers].map((s) => s()))
  await Promise.race([all, new Promise((resolve) => window.setTimeout(resolve, 1000))])
}

export function keptDraft(): KeptDraft | null {
  return kept && kept.visit === visitId() ? kept : null
}

export function setKeptDraft(next: KeptDraft | null): void {
  kept = next
  for (const listener of listeners) listener()
}

export function onKeptDraft(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
