import { z } from 'zod'

/**
 * The nomenclature of craft activities (law 50.17, decree 2.21.991): category → branch →
 * activity. Codes are stable: category `P`/`S`, branch `P01`, activity `P01.001`.
 */
export const ActivityKindSchema = z.enum(['artistic', 'utilitarian', 'service'])
export type ActivityKind = z.infer<typeof ActivityKindSchema>

export const ActivitySchema = z.object({
  code: z.string().regex(/^[PS]\d{2}\.\d{3}$/),
  nameAr: z.string().min(1),
  nameFr: z.string().min(1),
  kind: ActivityKindSchema,
})
export type Activity = z.infer<typeof ActivitySchema>

export const BranchSchema = z.object({
  code: z.string().regex(/^[PS]\d{2}$/),
  nameAr: z.string().min(1),
  nameFr: z.string().min(1),
  activities: z.array(ActivitySchema).min(1),
})
export type Branch = z.infer<typeof BranchSchema>

export const CategorySchema = z.object({
  code: z.enum(['P', 'S']),
  nameAr: z.string().min(1),
  nameFr: z.string().min(1),
  branches: z.array(BranchSchema).min(1),
})
export type Category = z.infer<typeof CategorySchema>

/** Production activities are artistic or utilitarian; service activities are services. */
function kindFits(categoryCode: Category['code'], kind: ActivityKind): boolean {
  return categoryCode === 'S' ? kind === 'service' : kind !== 'service'
}

export const ActivitySeedSchema = z
  .object({
    version: z.number().int().positive(),
    source: z.string(),
    categories: z.array(CategorySchema).min(1),
  })
  .superRefine((seed, ctx) => {
    const seen = new Set<string>()
    seed.categories.forEach((category, ci) => {
      category.branches.forEach((branch, bi) => {
        const branchPath = ['categories', ci, 'branches', bi]
        if (!branch.code.startsWith(category.code)) {
          ctx.addIssue({
            code: 'custom',
            message: `branch ${branch.code} is not in category ${category.code}`,
            path: [...branchPath, 'code'],
          })
        }
        if (seen.has(branch.code)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate code ${branch.code}`,
            path: [...branchPath, 'code'],
          })
        }
        seen.add(branch.code)
        branch.activities.forEach((activity, ai) => {
          const path = [...branchPath, 'activities', ai]
          if (!activity.code.startsWith(`${branch.code}.`)) {
            ctx.addIssue({
              code: 'custom',
              message: `activity ${activity.code} is not in branch ${branch.code}`,
              path: [...path, 'code'],
            })
          }
          if (seen.has(activity.code)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate code ${activity.code}`,
              path: [...path, 'code'],
            })
          }
          seen.add(activity.code)
          if (!kindFits(category.code, activity.kind)) {
            ctx.addIssue({
              code: 'custom',
              message: `kind ${activity.kind} does not fit category ${category.code}`,
              path: [...path, 'kind'],
            })
          }
        })
      })
    })
  })
export type ActivitySeed = z.infer<typeof ActivitySeedSchema>

export type FlatActivity = Activity & { branchCode: string; categoryCode: string }

/** Every activity of the seed, in order, with the codes of its branch and category. */
export function flattenActivities(seed: ActivitySeed): FlatActivity[] {
  return seed.categories.flatMap((category) =>
    category.branches.flatMap((branch) =>
      branch.activities.map((activity) => ({
        ...activity,
        branchCode: branch.code,
        categoryCode: category.code,
      })),
    ),
  )
}
