import { z } from 'zod'
import { ListFilterSchema, ListPageSchema, ListRequestSchema } from '../../artisans/list'
import { RecordStepSchema } from '../../artisans/path-action'
import { ArtisanFileSchema, ArtisanSummarySchema, SearchResultSchema } from '../../artisans/records'
import { RegisterRequestSchema, UpdateRequestSchema } from '../../artisans/registration'
import { EVERY_ROLE, EMPTY, method } from '../method'
import type { Role } from '../roles'

/** The counter: search, register, correct, read and move artisans along their path; drafts. */
const COUNTER: readonly Role[] = ['clerk', 'supervisor', 'administrator']
const id = z.string().min(1).max(64)

const DuplicateProbeSchema = z.object({
  cin: z.string().max(20).optional(),
  phone: z.string().max(30).optional(),
  birthDate: z.string().max(10).optional(),
  firstNameAr: z.string().max(60).optional(),
  lastNameAr: z.string().max(60).optional(),
  firstNameLat: z.string().max(60).optional(),
  lastNameLat: z.string().max(60).optional(),
  excludeId: id.optional(),
})

const DuplicatesSchema = z.object({
  sameCin: ArtisanSummarySchema.nullable(),
  similar: z.array(
    z.object({ artisan: ArtisanSummarySchema, reasons: z.array(z.enum(['phone', 'name_birth'])) }),
  ),
})

const DraftSummarySchema = z.object({ id: z.string(), label: z.string(), updatedAt: z.string() })

export const artisanMethods = {
  'artisans.search': method({
    input: z.object({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: SearchResultSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'artisans.list': method({
    input: ListRequestSchema,
    output: ListPageSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'artisans.count': method({
    input: z.object({ filter: ListFilterSchema.default({}) }),
    output: z.object({ count: z.number().int() }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'artisans.get': method({
    input: z.object({ id }),
    output: ArtisanFileSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'artisans.register': method({
    input: RegisterRequestSchema,
    output: z.object({ id: z.string() }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'artisans.update': method({
    input: UpdateRequestSchema,
    output: z.object({ id: z.string(), version: z.number().int() }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'artisans.duplicates': method({
    input: DuplicateProbeSchema,
    output: DuplicatesSchema,
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'artisans.markNotSame': method({
    input: z.object({ a: id, b: id }).refine((v) => v.a !== v.b, { error: 'validation.invalid' }),
    output: z.object({ ok: z.literal(true) }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'artisans.recordStep': method({
    input: RecordStepSchema,
    output: z.object({ version: z.number().int() }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'drafts.save': method({
    input: z.object({
      id: id.optional(),
      label: z.string().max(120),
      data: z.record(z.string(), z.unknown()),
    }),
    output: DraftSummarySchema,
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'drafts.list': method({
    input: EMPTY,
    output: z.array(DraftSummarySchema),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'drafts.get': method({
    input: z.object({ id }),
    output: z.object({
      id: z.string(),
      label: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'drafts.delete': method({
    input: z.object({ id }),
    output: z.object({ ok: z.literal(true) }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
}
