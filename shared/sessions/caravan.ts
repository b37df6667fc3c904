import { z } from 'zod'
import { OutcomesSchema } from './attendance'
import { SessionSchema } from './session'

/** A caravan: an itinerary of stops to remote villages, each stop a session (issue 6). */
export const CreateCaravanSchema = z.object({
  title: z.string().trim().min(3, { error: 'validation.required' }).max(200),
})

export const CaravanSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  stops: z.number().int(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  invited: z.number().int(),
  attended: z.number().int(),
})
export type CaravanSummary = z.infer<typeof CaravanSummarySchema>

export const CaravanSchema = CaravanSummarySchema.extend({
  stopList: z.array(SessionSchema),
  outcomes: OutcomesSchema,
})
export type Caravan = z.infer<typeof CaravanSchema>
