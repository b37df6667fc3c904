import type { ReactNode } from 'react'

/** A CIN, NIA, phone number or date: isolated and left-to-right inside any sentence. */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>
}
