import { z } from 'zod'

/**
 * Morocco's territory: 12 regions → 75 prefectures and provinces → 1,503 communes, as shipped
 * in `resources/reference/territories.json`. Codes are stable and nest: region `06`, province
 * or prefecture `06.03`, commune `06.03.001`. A code, once given, never names another place.
 */
export const CommuneKindSchema = z.enum(['urban', 'rural'])
export type CommuneKind = z.infer<typeof CommuneKindSchema>

export const ProvinceKindSchema = z.enum(['prefecture', 'province'])
export type ProvinceKind = z.infer<typeof ProvinceKindSchema>

export const CommuneSchema = z.object({
  code: z.string().regex(/^\d{2}\.\d{2}\.\d{3}$/),
  kind: CommuneKindSchema,
  nameAr: z.string().min(1),
  nameFr: z.string().min(1),
})
export type Commune = z.infer<typeof CommuneSchema>

export const ProvinceSchema = z
  .object({
    code: z.string().regex(/^\d{2}\.\d{2}$/),
    kind: ProvinceKindSchema,
    nameAr: z.string().min(1),
    nameFr: z.string().min(1),
    communes: z.array(CommuneSchema).min(1),
  })
  .superRefine((province, ctx) => {
    province.communes.forEach((commune, index) => {
      if (!commune.code.startsWith(`${province.code}.`)) {
        ctx.addIssue({
          code: 'custom',
          message: `commune ${commune.code} is not under ${province.code}`,
          path: ['communes', index, 'code'],
        })
      }
    })
  })
export type Province = z.infer<typeof ProvinceSchema>

export const TerritoryRegionSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/),
    nameAr: z.string().min(1),
    nameFr: z.string().min(1),
    provinces: z.array(ProvinceSchema).min(1),
  })
  .superRefine((region, ctx) => {
    region.provinces.forEach((province, index) => {
      if (!province.code.startsWith(`${region.code}.`)) {
        ctx.addIssue({
          code: 'custom',
          message: `province ${province.code} is not under region ${region.code}`,
          path: ['provinces', index, 'code'],
        })
      }
    })
  })
export type TerritoryRegion = z.infer<typeof TerritoryRegionSchema>

export const TerritorySeedSchema = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  regions: z.array(TerritoryRegionSchema).length(12),
})
export type TerritorySeed = z.infer<typeof TerritorySeedSchema>
