import { PrintPreferenceSchema } from '../settings/printing'
import { z } from 'zod'
import type { AppErrorData } from '../errors'
import {
  DeskProfileSchema,
  ChamberProfileSchema,
  DeskNameSchema,
  SetupInputSchema,
} from '../settings/desk-profile'
import { LanguageSchema } from '../settings/language'
import { accountMethods } from './methods/accounts'
import { artisanMethods } from './methods/artisans'
import { documentMethods } from './methods/documents'
import { exportMethods } from './methods/exports'
import { sessionMethods } from './methods/sessions'
import { sessionPeopleMethods } from './methods/session-people'
import { sessionMaterialMethods } from './methods/session-materials'
import { auditMethods } from './methods/audit'
import { dataProtectionMethods } from './methods/data-protection'
import { syncMethods } from './methods/sync'
import { backupMethods } from './methods/backup'
import { approvalMethods } from './methods/approvals'
import { importMethods } from './methods/imports'
import { referenceMethods } from './methods/reference'
import { recoveryMethods } from './methods/recovery'
import { reportMethods } from './methods/reports'
import { EMPTY as Empty, EVERY_ROLE, method, type MethodSpec } from './method'

/**
 * The one API of Sijill. Every transport (IPC, HTTP, direct) carries exactly these
 * methods; the router in electron/services validates input and output against these
 * schemas and checks `roles` before running a handler. Methods are grouped by domain
 * in ./methods/.
 */

export const SystemInfoSchema = z.object({
  appVersion: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  sqlite: z.string(),
  cipher: z.string(),
  transport: z.enum(['ipc', 'http', 'direct']),
  dataDir: z.string(),
  databaseFile: z.string(),
  keyStorage: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
})
export type SystemInfo = z.infer<typeof SystemInfoSchema>

export const SetupStatusSchema = z.object({
  done: z.boolean(),
  language: LanguageSchema,
})

export const contract = {
  'setup.status': method({
    input: Empty,
    output: SetupStatusSchema,
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  // Open to anyone while the desk has no setup (refused once it has one): the first
  // administrator is created right after it (auth.createAdministrator).
  'setup.complete': method({
    input: SetupInputSchema,
    output: DeskProfileSchema,
    roles: 'anyone',
    needsSetup: false,
    writes: true,
  }),
  'settings.get': method({
    input: Empty,
    output: DeskProfileSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'settings.updateChamber': method({
    input: z.object({ chamber: ChamberProfileSchema, deskName: DeskNameSchema }),
    output: DeskProfileSchema,
    roles: ['administrator', 'supervisor'],
    needsSetup: true,
    writes: true,
  }),
  'settings.printing': method({
    input: Empty,
    output: PrintPreferenceSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'settings.setPrinting': method({
    input: PrintPreferenceSchema,
    output: PrintPreferenceSchema,
    roles: ['administrator', 'supervisor'],
    needsSetup: true,
    writes: true,
  }),
  'settings.setLanguage': method({
    input: z.object({ language: LanguageSchema }),
    output: z.object({ language: LanguageSchema }),
    roles: 'anyone',
    needsSetup: false,
    writes: true,
  }),
  'system.info': method({
    input: Empty,
    output: SystemInfoSchema,
    roles: EVERY_ROLE,
    needsSetup: false,
    writes: false,
  }),
  ...accountMethods,
  ...referenceMethods,
  ...recoveryMethods,
  ...artisanMethods,
  ...importMethods,
  ...exportMethods,
  ...documentMethods,
  ...syncMethods,
  ...backupMethods,
  ...approvalMethods,
  ...sessionMethods,
  ...sessionPeopleMethods,
  ...sessionMaterialMethods,
  ...auditMethods,
  ...dataProtectionMethods,
  ...reportMethods,
} as const satisfies Record<string, MethodSpec>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** What every transport returns: a value or an error value, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** The shape both the preload bridge and the HTTP client implement. */
export interface ApiTransport {
  readonly kind: 'ipc' | 'http' | 'direct'
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
}
