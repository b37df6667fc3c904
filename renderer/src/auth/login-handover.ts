/**
 * The temporary password a person has just logged in with, handed from the login form to
 * the "choose your password" form so that it is not asked again. It lives in this
 * module's memory only (never in storage, the address or the DOM); the login form keeps
 * it only when the desk answers that a new password must be chosen, and the form that
 * uses it forgets it once the new password is saved or when it closes. A reload forgets
 * it too: the form then asks for it, as before.
 */
let held: string | null = null

export const loginHandover = {
  /** Called by the login form after each login: kept only when a new password is due. */
  set(password: string, mustChangePassword: boolean): void {
    held = mustChangePassword ? password : null
  },
  peek(): string | null {
    return held
  },
  clear(): void {
    held = null
  },
}
