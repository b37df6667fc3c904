import { z } from 'zod'

/**
 * Handouts given at sessions (issue 6): on registering in the RNA and on AMO enrolment
 * through the CNSS, in Arabic, Amazigh (Tifinagh) and French, A4 or A5. Each chamber may
 * rewrite the text of each handout in each language; the text is a title and a body of
 * paragraphs, a line starting with "- " being a bullet and a line starting with "# " a
 * heading.
 */
export const HANDOUT_TOPICS = ['rna', 'amo'] as const
export type HandoutTopic = (typeof HANDOUT_TOPICS)[number]
export const HANDOUT_LANGUAGES = ['ar', 'zgh', 'fr'] as const
export type HandoutLanguage = (typeof HANDOUT_LANGUAGES)[number]
export const PAPER_SIZES = ['a4', 'a5'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

export const HandoutKeySchema = z.object({
  topic: z.enum(HANDOUT_TOPICS, { error: 'validation.choice' }),
  lang: z.enum(HANDOUT_LANGUAGES, { error: 'validation.choice' }),
})

export const HandoutTextInputSchema = HandoutKeySchema.extend({
  title: z.string().trim().min(1, { error: 'validation.handout_empty' }).max(200),
  body: z.string().trim().min(1, { error: 'validation.handout_empty' }).max(8000),
})

export const HandoutTextSchema = HandoutKeySchema.extend({
  title: z.string(),
  body: z.string(),
  /** The text shipped with Sijill, not yet rewritten by the chamber. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
})
export type HandoutText = z.infer<typeof HandoutTextSchema>

export const HandoutPrintSchema = HandoutKeySchema.extend({
  size: z.enum(PAPER_SIZES, { error: 'validation.choice' }).default('a4'),
  /** The session whose date and place the handout carries, if any. */
  sessionId: z.string().max(64).nullable().default(null),
})

/** Languages of the attendance sheet and the session report. */
export const SHEET_LANGUAGES = ['ar', 'fr'] as const
