import { z } from 'zod'

/** One of Morocco's 12 regions (2015 regionalisation). Codes are stable, two digits. */
export const RegionSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  nameAr: z.string().min(1),
  nameFr: z.string().min(1),
  seatAr: z.string().min(1),
  seatFr: z.string().min(1),
})
export type Region = z.infer<typeof RegionSchema>

export const RegionSeedSchema = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  regions: z.array(RegionSchema).length(12),
})

/** Default chamber names for a region, as the chambers write them. */
export function defaultChamberNames(region: Region): { nameAr: string; nameFr: string } {
  return {
    nameAr: `غرفة الصناعة التقليدية لجهة ${region.nameAr}`,
    nameFr: `Chambre d'Artisanat de la Région ${region.nameFr}`,
  }
}
