import { z } from 'zod'
import { ActivityRefSchema, CommuneRefSchema, ProvinceRefSchema } from '../../reference/lookups'
import { RegionSchema } from '../../reference/regions'
import { EMPTY, method } from '../method'

/** Reference data for forms and filters: territories and the activity nomenclature. */
export const referenceMethods = {
  'reference.regions': method({
    input: EMPTY,
    output: z.array(RegionSchema),
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'reference.territories': method({
    input: EMPTY,
    output: z.object({
      provinces: z.array(ProvinceRefSchema),
      communes: z.array(CommuneRefSchema),
    }),
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'reference.activities': method({
    input: EMPTY,
    output: z.array(ActivityRefSchema),
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
}
