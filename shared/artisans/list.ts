import { z } from 'zod'
import { ArtisanSummarySchema } from './records'
import { ACTOR_TYPES, BANK_STATUSES, COVER_STATUSES } from './enums'

/**
 * The artisans list: filters over the register and keyset pages (newest first), so the
 * list scrolls through a national-size register without ever loading all of it.
 */
const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.choice' })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })

export const ListFilterSchema = z.object({
  regionCode: code.optional(),
  provinceCode: code.optional(),
  communeCode: code.optional(),
  activity: code.optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  rnaStatus: z.enum(['identified', 'pending', 'submitted', 'registered', 'rejected']).optional(),
  coverStatus: z.enum(COVER_STATUSES).optional(),
  bankStatus: z.enum(BANK_STATUSES).optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
})
export type ListFilter = z.infer<typeof ListFilterSchema>

export const ListRequestSchema = z.object({
  filter: ListFilterSchema.default({}),
  /** The `next` of the previous page. */
  after: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export const ListPageSchema = z.object({
  items: z.array(ArtisanSummarySchema),
  next: z.number().int().nullable(),
})
export type ListPage = z.infer<typeof ListPageSchema>
