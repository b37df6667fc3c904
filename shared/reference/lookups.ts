import { z } from 'zod'

/** Reference rows as the API serves them to forms and lists (flat, with parent codes). */
export const ProvinceRefSchema = z.object({
  code: z.string(),
  regionCode: z.string(),
  kind: z.enum(['province', 'prefecture']),
  nameAr: z.string(),
  nameFr: z.string(),
})
export type ProvinceRef = z.infer<typeof ProvinceRefSchema>

export const CommuneRefSchema = z.object({
  code: z.string(),
  provinceCode: z.string(),
  kind: z.enum(['urban', 'rural']),
  nameAr: z.string(),
  nameFr: z.string(),
})
export type CommuneRef = z.infer<typeof CommuneRefSchema>

export const ActivityRefSchema = z.object({
  code: z.string(),
  categoryCode: z.string(),
  categoryAr: z.string(),
  categoryFr: z.string(),
  branchCode: z.string(),
  branchAr: z.string(),
  branchFr: z.string(),
  kind: z.string(),
  nameAr: z.string(),
  nameFr: z.string(),
})
export type ActivityRef = z.infer<typeof ActivityRefSchema>
