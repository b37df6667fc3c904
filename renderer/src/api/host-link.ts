/**
 * Whether the page still reaches the browser host that served it — for the screen that
 * says what to do when it does not: `unreachable` (the host stopped or is restarting: the
 * page tries again by itself and reloads when it answers — the token is the data folder's,
 * so a restarted host takes it), `token` (the host answers but refuses this page's token:
 * started with `--new-token` or on another data folder — only the newly printed address
 * can work, so no retry is offered). Always `ok` in Electron.
 */
export type HostLink = 'ok' | 'unreachable' | 'token'

let link: HostLink = 'ok'
const listeners = new Set<(link: HostLink) => void>()

export const hostLink = {
  get: (): HostLink => link,
  set(next: HostLink): void {
    if (next === link) return
    link = next
    for (const listener of listeners) listener(next)
  },
  subscribe(listener: (link: HostLink) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
