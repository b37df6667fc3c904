import { z } from 'zod'
import { COVER_STATUSES } from '../../shared/artisans/enums'
import type { RegistryArtisan } from '../../shared/registry/records'
import { commitArtisan, readArtisan } from './artisans'
import type { RegistryContext } from './context'
import { today } from './dates'
import { notFound } from './errors'

/**
 * What the CNSS/AMO feed tells the registry about an artisan's social cover. It is the
 * registry's change (no origin device), and the desks of the chamber pull it.
 */
export const CoverUpdateSchema = z.object({
  coverStatus: z.enum(COVER_STATUSES),
  cnssNumber: z.string().max(20).nullable().optional(),
  coverAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
})
export type CoverUpdate = z.infer<typeof CoverUpdateSchema>

export function setCover(
  ctx: RegistryContext,
  artisanId: string,
  update: CoverUpdate,
): RegistryArtisan {
  const cover = CoverUpdateSchema.parse(update)
  return ctx.db.transaction(() => {
    const row = readArtisan(ctx.db, artisanId)
    if (!row || row.deleted) throw notFound(`Aucun artisan ${artisanId} au registre.`)
    const none = cover.coverStatus === 'none'
    const state: RegistryArtisan = {
      ...row.state,
      coverStatus: cover.coverStatus,
      cnssNumber: cover.cnssNumber !== undefined ? cover.cnssNumber : row.state.cnssNumber,
      coverAt: none ? null : (cover.coverAt ?? today()),
    }
    return commitArtisan(ctx, { before: row, state, deleted: false, origin: null })
  })()
}
