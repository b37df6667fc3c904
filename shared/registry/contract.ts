import { z } from 'zod'
import { RegionSchema } from '../reference/regions'
import { TerritoryRegionSchema } from '../reference/territories'
import { CategorySchema } from '../reference/activities'
import { ArtisanChangeSchema, CertificateNoticeSchema, RegistryArtisanSchema } from './records'

/**
 * The national registry API we propose to the ministry (docs/registry-api.md, with its
 * OpenAPI description beside it). Shared by the desk's client and the reference server,
 * so both validate the same shapes. JSON over HTTPS, under `/v1`.
 *
 * - A desk enrols once (chamber code + one-time enrolment token → device credentials),
 *   then calls with a short-lived access token it refreshes.
 * - Push: operations in bounded batches, each with its own id (the idempotency key the
 *   registry remembers) and the revision it was based on.
 * - Pull: the registry's changes after an opaque cursor, page by page.
 * - Reference data: its own versioned stream, pulled first.
 * - Errors: `{ error: { code, message } }`; 429 and 503 carry `Retry-After`; 426 names the
 *   minimum client version; every request sends `X-Client-Version`.
 */
export const API_PREFIX = '/v1'
export const PATHS = {
  info: '/v1/info',
  enrol: '/v1/devices/enrol',
  token: '/v1/auth/token',
  changes: '/v1/changes',
  reference: '/v1/reference',
} as const

const uuidish = z.string().min(8).max(64)
const chamberCode = z.string().regex(/^\d{2}$/)

export const ServerInfoSchema = z.object({
  apiVersion: z.literal(1),
  minClientVersion: z.string(),
  maxPushBatch: z.number().int().positive(),
  maxPullPage: z.number().int().positive(),
  referenceVersion: z.number().int().nonnegative(),
  serverTime: z.string(),
})
export type ServerInfo = z.infer<typeof ServerInfoSchema>

export const EnrolRequestSchema = z.object({
  chamberCode,
  enrolmentToken: z.string().min(6).max(200),
  deviceId: uuidish,
  deviceName: z.string().min(1).max(100),
  appVersion: z.string().max(40),
})
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>

export const TokensSchema = z.object({
  accessToken: z.string().min(16),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string().min(16),
})
export type Tokens = z.infer<typeof TokensSchema>

export const EnrolResponseSchema = TokensSchema.extend({
  deviceId: uuidish,
  /** Short code the registry gives the desk, unique nationally (used in document numbers). */
  deskCode: z.string().regex(/^[A-Z0-9]{4,6}$/),
  chamberCode,
})
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>

export const TokenRequestSchema = z.object({ refreshToken: z.string().min(16) })

const base = { opId: uuidish, entityId: uuidish, createdAt: z.string() }
export const PushOperationSchema = z.discriminatedUnion('entityType', [
  z.object({
    ...base,
    entityType: z.literal('artisan'),
    op: z.enum(['create', 'update', 'delete']),
    baseRevision: z.string().max(64).nullable(),
    payload: ArtisanChangeSchema,
  }),
  z.object({
    ...base,
    entityType: z.literal('certificate'),
    op: z.enum(['create', 'update']),
    baseRevision: z.null(),
    payload: CertificateNoticeSchema,
  }),
])
export type PushOperation = z.infer<typeof PushOperationSchema>

export const PushRequestSchema = z.object({ operations: z.array(PushOperationSchema).min(1) })
export type PushRequest = z.infer<typeof PushRequestSchema>

/**
 * The registry's answer to one operation. `applied`: done (or done before: the same
 * opId again answers the same); `rejected`: refused for good, with the reason (a CIN
 * registered elsewhere, an invalid file) — the desk shows it on the record and goes on;
 * `conflict`: the record changed since `baseRevision` (HTTP 409 semantics) — the registry's
 * current state comes back and the desk keeps both for a person to resolve.
 */
export const PushResultSchema = z.discriminatedUnion('status', [
  z.object({
    opId: uuidish,
    status: z.literal('applied'),
    revision: z.string().nullable(),
    record: RegistryArtisanSchema.nullable(),
  }),
  z.object({
    opId: uuidish,
    status: z.literal('rejected'),
    reason: z.object({ code: z.string().max(60), message: z.string().max(500) }),
  }),
  z.object({
    opId: uuidish,
    status: z.literal('conflict'),
    current: RegistryArtisanSchema,
  }),
])
export type PushResult = z.infer<typeof PushResultSchema>

export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) })
export type PushResponse = z.infer<typeof PushResponseSchema>

/**
 * One change in the feed: the artisan's whole new state (an NIA assigned, a decision, a
 * CNSS or AMO status, a record made or changed at another desk of the chamber), or its
 * tombstone; or a certificate notice from another desk.
 */
export const PulledChangeSchema = z.discriminatedUnion('entityType', [
  z.object({
    entityType: z.literal('artisan'),
    id: uuidish,
    revision: z.string(),
    deleted: z.boolean(),
    record: RegistryArtisanSchema.nullable(),
    /** The device whose push made this state, when a desk did. */
    origin: z.string().nullable(),
  }),
  z.object({
    entityType: z.literal('certificate'),
    id: z.string(),
    revision: z.string(),
    deleted: z.literal(false),
    notice: CertificateNoticeSchema,
    origin: z.string().nullable(),
  }),
])
export type PulledChange = z.infer<typeof PulledChangeSchema>

export const PullResponseSchema = z.object({
  changes: z.array(PulledChangeSchema),
  /** Opaque; give it back to get what follows. */
  cursor: z.string(),
  hasMore: z.boolean(),
})
export type PullResponse = z.infer<typeof PullResponseSchema>

/** Reference data after `since`: everything of the newer version, or `changed: false`. */
export const ReferenceResponseSchema = z.object({
  version: z.number().int().nonnegative(),
  changed: z.boolean(),
  regions: z.array(RegionSchema).optional(),
  territories: z.array(TerritoryRegionSchema).optional(),
  activities: z.array(CategorySchema).optional(),
})
export type ReferenceResponse = z.infer<typeof ReferenceResponseSchema>

export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'token_expired',
  'enrolment_refused',
  'forbidden',
  'not_found',
  'batch_too_large',
  'client_too_old',
  'rate_limited',
  'unavailable',
  'internal',
] as const
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    minClientVersion: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>
